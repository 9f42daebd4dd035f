using System.Globalization;
using Portal.Core.Features.Metrics;

namespace Portal.Benchmarks;

/// <summary>The benchmarks' invented daily rows, one generator for both engines' runs (same seed, same rows).</summary>
internal static class BenchRows
{
    /// <summary>A plausible day of figures for <paramref name="brand"/>, drawn from <paramref name="random"/>.</summary>
    public static MetricRowInput Random(Random random, string brand, DateOnly date)
    {
        var orders = random.Next(0, 3_000);
        var gmv = random.Next(0, 50_000_000) / 100m;
        var adSpend = random.Next(0, 1_000_000) / 100m;
        return new MetricRowInput
        {
            Brand = brand,
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Gmv = gmv,
            Orders = orders,
            PaidOrders = orders - random.Next(0, Math.Max(1, orders / 10)),
            Streams = random.Next(0, 3),
            LiveMinutes = random.Next(0, 600),
            PeakViewers = random.Next(0, 20_000),
            NewFans = random.Next(0, 2_000),
            Fans = random.Next(0, 500_000),
            FanGroupMembers = random.Next(0, 20_000),
            RepurchaseRate = random.Next(0, 10_000) / 10_000m,
            DistributionGmv = decimal.Round(gmv * random.Next(0, 60) / 100m, 2),
            Influencers = random.Next(0, 40),
            AdSpend = adSpend,
            AdGmv = decimal.Round(adSpend * random.Next(0, 400) / 100m, 2),
            ExclusiveSkus = random.Next(0, 4),
        };
    }
}
