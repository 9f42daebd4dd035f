using Bogus;
using Portal.Core.Features.Metrics;

namespace Portal.Core.Features.Seeding;

/// <summary>How an invented demo brand's six months go (DOMAIN.md's growth path).</summary>
public enum DemoTrajectory
{
    /// <summary>Climbs past ¥10M a month (an SKA brand by the end).</summary>
    Ska,

    /// <summary>Already huge: a snack brand past ¥60M a month.</summary>
    Mega,

    /// <summary>Climbs to ¥1M–4M a month (KA).</summary>
    Ka,

    /// <summary>KA-sized, carried by influencer distribution with one night of 3,000 streamers.</summary>
    InfluencerBurst,

    /// <summary>A tea seller: 200k fans, ¥2M a month, 70% repurchase.</summary>
    Repurchase,

    /// <summary>Was KA, fell back below ¥1M a month.</summary>
    Declining,

    /// <summary>Still climbing, under ¥1M a month.</summary>
    RampUp,

    /// <summary>Figures stopped weeks ago (flagged as stalled to staff).</summary>
    Stalled,

    /// <summary>Opened a month ago; first paid orders only in the last days.</summary>
    NewStore,
}

/// <summary>One invented brand of the demo portfolio.</summary>
public sealed record DemoBrand(int Index, string Code, string NameZh, string NameEn, string Category, DemoTrajectory Trajectory);

/// <summary>
/// The Development demo's portfolio: 30 invented brands (Chinese and English names, categories,
/// a spread of trajectories) and their daily figures for the six months before the platform's
/// today. Deterministic: every brand draws from its own Bogus randomizer with a fixed seed, so the
/// same day always gives the same figures.
/// </summary>
public static class DemoPortfolio
{
    /// <summary>The most brands the portfolio holds (<c>Seed:DemoBrandCount</c> may ask for fewer).</summary>
    public const int MaxBrands = 30;

    /// <summary>The months of figures each established brand has.</summary>
    public const int Months = 6;

    private const int BaseSeed = 20_261_123;

    /// <summary>The invented brands, in seeding order (the first <c>n</c> are used).</summary>
    public static readonly IReadOnlyList<DemoBrand> Brands =
    [
        new(0, "north-wind", "北风衣橱", "North Wind Wardrobe", "apparel", DemoTrajectory.Ska),
        new(1, "crunch-hill", "脆山零食", "Crunch Hill Snacks", "food", DemoTrajectory.Mega),
        new(2, "jade-dew", "玉露美妆", "Jade Dew Beauty", "cosmetics", DemoTrajectory.Ska),
        new(3, "ember-noodle", "炉火面馆", "Ember Noodles", "food", DemoTrajectory.InfluencerBurst),
        new(4, "mist-peak-tea", "雾峰茶舍", "Mist Peak Tea", "food", DemoTrajectory.Repurchase),
        new(5, "wild-berry", "野莓果干", "Wild Berry Dried Fruit", "food", DemoTrajectory.Stalled),
        new(6, "golden-lotus", "金莲珠宝", "Golden Lotus Jewellery", "jewellery", DemoTrajectory.Ka),
        new(7, "renew-phone", "焕新二手机", "Renew Phones", "used-phones", DemoTrajectory.Ka),
        new(8, "red-chili", "红辣椒酱", "Red Chili Sauce", "food", DemoTrajectory.RampUp),
        new(9, "tiny-sprout", "小芽辅食", "Tiny Sprout Baby Food", "food", DemoTrajectory.NewStore),
        new(10, "pine-home", "松间家居", "Pine Home", "home", DemoTrajectory.Ka),
        new(11, "bamboo-weave", "竹编人家", "Bamboo Weave", "home", DemoTrajectory.Declining),
        new(12, "stone-pot", "石锅工坊", "Stone Pot Workshop", "home", DemoTrajectory.Stalled),
        new(13, "little-fox", "小狐狸童装", "Little Fox Kids", "apparel", DemoTrajectory.RampUp),
        new(14, "spark-digital", "星火数码", "Spark Digital", "electronics", DemoTrajectory.Ka),
        new(15, "moon-comb", "月梳", "Moon Comb", "cosmetics", DemoTrajectory.RampUp),
        new(16, "peak-outdoor", "峰行户外", "Peak Outdoor", "apparel", DemoTrajectory.Ska),
        new(17, "river-rice", "江南米仓", "River Rice Barn", "food", DemoTrajectory.Ka),
        new(18, "oak-kitchen", "橡木厨房", "Oak Kitchen", "home", DemoTrajectory.RampUp),
        new(19, "echo-buds", "回声耳机", "Echo Buds", "electronics", DemoTrajectory.Stalled),
        new(20, "cloud-silk", "云丝服饰", "Cloud Silk", "apparel", DemoTrajectory.Ka),
        new(21, "lumen-audio", "光年音频", "Lumen Audio", "electronics", DemoTrajectory.RampUp),
        new(22, "honey-valley", "蜜谷蜂蜜", "Honey Valley", "food", DemoTrajectory.RampUp),
        new(23, "petal-skin", "花瓣肌", "Petal Skin", "cosmetics", DemoTrajectory.Ka),
        new(24, "kite-paper", "风筝文具", "Kite Stationery", "home", DemoTrajectory.NewStore),
        new(25, "silver-thread", "银线手作", "Silver Thread", "jewellery", DemoTrajectory.RampUp),
        new(26, "plum-blossom", "梅花旗袍", "Plum Blossom Qipao", "apparel", DemoTrajectory.Stalled),
        new(27, "dawn-yoga", "晨曦瑜伽", "Dawn Yoga Wear", "apparel", DemoTrajectory.RampUp),
        new(28, "aurora-pearl", "极光珍珠", "Aurora Pearl", "jewellery", DemoTrajectory.Ka),
        new(29, "clear-spring", "清泉护肤", "Clear Spring Skincare", "cosmetics", DemoTrajectory.RampUp),
    ];

    /// <summary>The brand's own randomizer: fixed per brand, so figures do not depend on which other brands are seeded.</summary>
    public static Faker FakerFor(DemoBrand brand, int stream = 0) =>
        new("zh_CN") { Random = new Randomizer(BaseSeed + (brand.Index * 97) + stream) };

    /// <summary>The first day of the six-month window that ends yesterday (today's figures are not in yet).</summary>
    public static DateOnly WindowStart(DateOnly today) => today.AddMonths(-Months);

    /// <summary>The days the brand has figures for: the whole window, less the weeks a stalled brand went quiet or a new store did not exist.</summary>
    public static (DateOnly From, DateOnly To) FigureDays(DemoBrand brand, DateOnly today)
    {
        var faker = FakerFor(brand, stream: 1);
        var from = WindowStart(today);
        var to = today.AddDays(-1);
        return brand.Trajectory switch
        {
            DemoTrajectory.Stalled => (from, today.AddDays(-faker.Random.Int(21, 50))),
            DemoTrajectory.NewStore => (today.AddDays(-faker.Random.Int(30, 40)), to),
            _ => (from, to),
        };
    }

    /// <summary>The brand's daily figures up to yesterday, shaped like DOMAIN.md's public examples.</summary>
    public static IReadOnlyList<DailyMetric> Figures(DemoBrand brand, Guid brandId, DateOnly today)
    {
        var (from, to) = FigureDays(brand, today);
        var f = FakerFor(brand);
        var r = f.Random;
        var shape = Shape.For(brand.Trajectory, r);
        var days = to.DayNumber - from.DayNumber + 1;
        var window = Math.Max(1, WindowStart(today).AddMonths(Months).DayNumber - WindowStart(today).DayNumber - 1);
        var aov = AverageOrderValue(brand.Category) * r.Double(0.85, 1.15);
        var bigDay = brand.Trajectory is DemoTrajectory.Ska or DemoTrajectory.Mega or DemoTrajectory.InfluencerBurst
            ? days - r.Int(20, 70)
            : -1;
        var firstSale = brand.Trajectory == DemoTrajectory.NewStore ? days - r.Int(4, 10) : 0;
        var exclusiveFrom = shape.Exclusive ? r.Int(days / 3, days * 2 / 3) : int.MaxValue;
        double fans = shape.StartFans;
        var rows = new List<DailyMetric>(days);
        for (var i = 0; i < days; i++)
        {
            var date = from.AddDays(i);
            // Position in the six-month window (not in the brand's own days), so a stalled brand stops mid-curve.
            var t = Math.Clamp((date.DayNumber - WindowStart(today).DayNumber) / (double)window, 0, 1);
            // Growth over the first four months, then a plateau: the last full month is always at the brand's level.
            var monthly = shape.StartMonthlyGmv * Math.Pow(shape.EndMonthlyGmv / shape.StartMonthlyGmv, Math.Min(1, t / 0.6));
            var weekday = date.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.25 : 0.9;
            var gmv = monthly / 30 * weekday * r.Double(0.8, 1.2);
            var distributionShare = Math.Clamp(shape.DistributionShare * r.Double(0.8, 1.2), 0, 0.95);
            var streams = r.Double() < shape.StreamChance ? r.Int(shape.MinStreams, shape.MaxStreams) : 0;
            if (streams == 0)
            {
                gmv *= 0.6; // no stream of its own that day: distribution and the shelf only
            }

            long newFansBonus = 0;
            long? burstInfluencers = null;
            if (i == bigDay)
            {
                switch (brand.Trajectory)
                {
                    case DemoTrajectory.InfluencerBurst:
                        // "3,000 streamers selling it on one night (¥4M GMV)"
                        gmv = 4_000_000 * r.Double(1.0, 1.05);
                        distributionShare = 0.9;
                        burstInfluencers = 3_000;
                        break;
                    default:
                        // A "big day": 100k new fans and a best stream of about ¥1.15M.
                        gmv = Math.Max(gmv * 4, 1_150_000 / (1 - distributionShare));
                        newFansBonus = 100_000;
                        streams = Math.Max(streams, 1);
                        break;
                }
            }

            if (i < firstSale)
            {
                gmv = 0;
            }

            var gmvMoney = Money(gmv);
            var orders = gmvMoney == 0 ? 0 : Math.Max(1, (long)Math.Round(gmv / aov));
            var paid = gmvMoney == 0 ? 0 : Math.Max(1, (long)Math.Round(orders * r.Double(0.9, 0.97)));
            var distribution = Money(gmv * distributionShare);
            var newFans = (long)Math.Round((orders * r.Double(0.2, 0.5)) + (streams * r.Double(20, 200))) + newFansBonus;
            fans += newFans;
            var adSpend = shape.AdShare > 0 && gmvMoney > 0 ? Money(gmv * shape.AdShare * r.Double(0.7, 1.3)) : 0m;
            var adGmv = adSpend > 0 ? Math.Min(gmvMoney, Money((double)adSpend * shape.AdRoi * r.Double(0.8, 1.2))) : 0m;
            var repurchase = shape.StartRepurchase + ((shape.EndRepurchase - shape.StartRepurchase) * t);
            var influencers = burstInfluencers ?? (distribution > 0 ? Math.Max(1, (long)Math.Round((double)distribution / r.Double(1_500, 6_000))) : 0);
            rows.Add(new DailyMetric
            {
                BrandId = brandId,
                Date = date,
                Gmv = gmvMoney,
                Orders = orders,
                PaidOrders = paid,
                Streams = streams,
                LiveMinutes = streams * r.Int(90, 240),
                PeakViewers = streams == 0 ? 0 : (long)Math.Round((gmv * (1 - distributionShare) / aov * r.Double(3, 8)) + r.Int(50, 400)),
                NewFans = newFans,
                Fans = (long)Math.Round(fans),
                FanGroupMembers = (long)Math.Round(fans * shape.FanGroupShare),
                RepurchaseRate = orders == 0 ? null : decimal.Round((decimal)Math.Clamp(repurchase * r.Double(0.95, 1.05), 0, 0.95), 4),
                DistributionGmv = distribution,
                Influencers = influencers,
                AdSpend = adSpend,
                AdGmv = adGmv,
                ExclusiveSkus = i < exclusiveFrom ? 0 : 1 + ((i - exclusiveFrom) / 30),
            });
        }

        return rows;
    }

    private static decimal Money(double yuan) => decimal.Round((decimal)Math.Max(0, yuan), 2);

    private static double AverageOrderValue(string category) => category switch
    {
        "food" => 59,
        "cosmetics" => 149,
        "apparel" => 199,
        "jewellery" => 1_280,
        "used-phones" => 1_890,
        "electronics" => 399,
        _ => 119,
    };

    /// <summary>A trajectory's curve: monthly GMV from the first to the last month, and what drives it.</summary>
    private sealed record Shape(
        double StartMonthlyGmv,
        double EndMonthlyGmv,
        double DistributionShare,
        double StreamChance,
        int MinStreams,
        int MaxStreams,
        double StartFans,
        double FanGroupShare,
        double StartRepurchase,
        double EndRepurchase,
        double AdShare,
        double AdRoi,
        bool Exclusive)
    {
        public static Shape For(DemoTrajectory trajectory, Randomizer r) => trajectory switch
        {
            DemoTrajectory.Ska => new(r.Double(1.2e6, 2.0e6), r.Double(12e6, 16e6), r.Double(0.15, 0.3), 0.95, 1, 3, r.Double(50_000, 200_000), 0.08, 0.2, 0.45, 0.08, r.Double(2.2, 3.5), true),
            DemoTrajectory.Mega => new(r.Double(24e6, 28e6), r.Double(60e6, 64e6), 0.45, 1.0, 2, 4, 1_500_000, 0.06, 0.4, 0.62, 0.06, r.Double(2.5, 3.5), true),
            DemoTrajectory.Ka => new(r.Double(2e5, 5e5), r.Double(1.5e6, 4e6), r.Double(0.1, 0.45), 0.8, 1, 2, r.Double(10_000, 40_000), 0.1, 0.15, 0.35, r.Bool(0.7f) ? 0.07 : 0, r.Double(1.6, 3.2), r.Bool()),
            DemoTrajectory.InfluencerBurst => new(r.Double(3e5, 5e5), r.Double(1.6e6, 2.0e6), 0.7, 0.5, 1, 1, 8_000, 0.05, 0.1, 0.25, 0.05, 2.0, false),
            DemoTrajectory.Repurchase => new(r.Double(5e5, 7e5), r.Double(2.0e6, 2.2e6), 0.15, 0.9, 1, 2, 20_000, 0.25, 0.35, 0.70, 0, 0, false),
            DemoTrajectory.Declining => new(r.Double(2.2e6, 2.6e6), r.Double(2.5e5, 3.5e5), 0.3, 0.6, 1, 1, 60_000, 0.05, 0.25, 0.15, 0.05, 1.4, false),
            DemoTrajectory.RampUp => new(r.Double(1.5e4, 4e4), r.Double(3e5, 8e5), r.Double(0.1, 0.5), 0.5, 1, 1, r.Double(500, 5_000), 0.08, 0.05, 0.25, r.Bool(0.4f) ? 0.1 : 0, r.Double(1.2, 2.5), false),
            DemoTrajectory.Stalled => new(r.Double(2e4, 4e4), r.Double(1.2e5, 2e5), r.Double(0.1, 0.4), 0.4, 1, 1, r.Double(300, 2_000), 0.05, 0.05, 0.15, 0, 0, false),
            DemoTrajectory.NewStore => new(r.Double(5e3, 1.5e4), r.Double(1.5e4, 3e4), 0.2, 0.6, 1, 1, 0, 0.05, 0.02, 0.05, 0, 0, false),
            _ => throw new ArgumentOutOfRangeException(nameof(trajectory)),
        };
    }
}
