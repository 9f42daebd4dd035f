using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Streams;

/// <summary>
/// The demo brand's streams, relative to the app's clock: one Done last week with results, one Ready
/// in the coming days, one Draft. Only when the brand has no streams yet, so seeding twice changes nothing.
/// </summary>
internal sealed class StreamsDemoSeeder(TimeProvider clock) : ISeedContributor
{
    public Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        if (await db.StreamPlans.AnyAsync(p => p.BrandId == demo.DemoBrandId, cancellationToken))
        {
            return;
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var done = Plan(demo, "春茶上新专场 Spring tea launch", today.AddDays(-7), 120, 50_000m);
        done.Status = StreamStatus.Done;
        done.Results = new StreamResults { Gmv = 68_420.50m, Orders = 1_134, PeakViewers = 8_650, NewFans = 2_310, ActualMinutes = 135 };
        var ready = Plan(demo, "老铁回馈夜 Fans' thank-you night", today.AddDays(3), 150, 80_000m);
        ready.Status = StreamStatus.Ready;
        var draft = Plan(demo, "普洱品鉴会 Pu'er tasting", today.AddDays(10), 90, null);
        draft.Gifts.Items.Clear();
        draft.EarlyContent.WarmUpVideos = 0;
        draft.EarlyContent.Highlights = "";
        db.StreamPlans.AddRange(done, ready, draft);
    }

    private static StreamPlan Plan(DemoSeedContext demo, string title, DateOnly day, int minutes, decimal? target)
    {
        var warmUp = 15;
        var close = 15;
        return new StreamPlan
        {
            BrandId = demo.DemoBrandId,
            CreatedByUserId = demo.BrandManagerId,
            Title = title,
            Host = "茶小云 Tea Yun",
            StartAt = PlatformTime.At(day, new TimeOnly(20, 0)).ToUniversalTime(),
            PlannedMinutes = minutes,
            GmvTarget = target,
            Shaping = new ShapingSection
            {
                Products =
                [
                    new() { Name = "明前龙井 250g", Role = ProductRole.Hero, Price = 298.00m, Stock = 800 },
                    new() { Name = "茶样尝鲜装 Tasting pack", Role = ProductRole.Traffic, Price = 9.90m, Stock = 3000 },
                    new() { Name = "紫砂壶礼盒 Teapot gift box", Role = ProductRole.Profit, Price = 599.00m, Stock = 120 },
                ],
            },
            Timing = new TimingSection
            {
                Segments =
                [
                    new() { Name = "暖场 Warm-up", Minutes = warmUp },
                    new() { Name = "主推讲解 Hero product", Minutes = minutes - warmUp - close },
                    new() { Name = "福利收尾 Gifts and close", Minutes = close },
                ],
            },
            Flow = new AccurateFlowSection { Budget = 5_000m, Tools = TrafficTools.LivePromotion | TrafficTools.ShortVideoPromotion },
            Gifts = new GiftsSection
            {
                Items =
                [
                    new() { Kind = GiftKind.Coupon, Description = "满199减30 ¥30 off ¥199", Budget = 3_000m },
                    new() { Kind = GiftKind.RedPacket, Description = "整点红包 Hourly red packets", Budget = 1_000m },
                ],
            },
            EarlyContent = new EarlyContentSection { WarmUpVideos = 3, Highlights = "茶园直连，现场冲泡 Live brewing from the tea garden" },
        };
    }
}
