using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Metrics;

namespace Portal.Core.Features.Seeding;

/// <summary>
/// Gives the demo brand (Cloud Tea) <see cref="Days"/> days of store figures up to the platform's
/// yesterday, so its manager sees charts and KPI trends. The figures follow a fixed curve (growth, a
/// weekly rhythm, a stream every third day): the same clock gives the same rows. Only when the brand has
/// no figures yet, so seeding twice, or after an import, changes nothing. <c>Seed:DemoBrandFigures</c>
/// turns it off (test hosts do, as their tests feed the demo brand figures of their own).
/// </summary>
internal sealed class DemoBrandFiguresSeeder(IOptions<SeedOptions> options, TimeProvider clock) : ISeedContributor
{
    /// <summary>About four months: this month and last month always have figures to compare.</summary>
    public const int Days = 120;

    public Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        if (!options.Value.DemoBrandFigures || await db.DailyMetrics.AnyAsync(m => m.BrandId == demo.DemoBrandId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var yesterday = PlatformTime.DayOf(now).AddDays(-1);
        var first = yesterday.AddDays(1 - Days);
        long fans = 30_000;
        for (var i = 0; i < Days; i++)
        {
            var day = Day(demo.DemoBrandId, first.AddDays(i), i, ref fans);
            day.UpdatedAt = now;
            db.DailyMetrics.Add(day);
        }

        // Milestones and tier follow the figures through the usual evaluation job.
        db.PendingMetricsEvaluations.Add(new PendingMetricsEvaluation { BrandId = demo.DemoBrandId, RequestedAt = now, FromDate = first });
    }

    /// <summary>Day <paramref name="index"/> of the curve: about ¥20,000 a day at first, twice that at the end, busier at weekends.</summary>
    internal static DailyMetric Day(Guid brandId, DateOnly date, int index, ref long fans)
    {
        var growth = 1m + index / (decimal)Days;
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.35m : 1m;
        var wobble = 1m + (index * 37 % 11 - 5) / 50m;
        var streamDay = index % 3 == 0;
        var gmv = Math.Round(20_000m * growth * weekend * wobble * (streamDay ? 1.6m : 1m), 2);
        var newFans = (long)(180 * growth * weekend * (streamDay ? 2 : 1));
        fans += newFans;
        return new DailyMetric
        {
            BrandId = brandId,
            Date = date,
            Gmv = gmv,
            Orders = (long)(gmv / 110m),
            PaidOrders = (long)(gmv / 118m),
            Streams = streamDay ? 1 : 0,
            LiveMinutes = streamDay ? 120 : 0,
            PeakViewers = streamDay ? (long)(3_000 * growth) : 0,
            NewFans = newFans,
            Fans = fans,
            FanGroupMembers = fans / 12,
            RepurchaseRate = Math.Round(0.18m + index % 7 / 100m, 2),
            DistributionGmv = Math.Round(gmv * 0.3m, 2),
            Influencers = 3 + index / 12,
            AdSpend = Math.Round(gmv * 0.08m, 2),
            AdGmv = Math.Round(gmv * 0.25m, 2),
            ExclusiveSkus = 2 + index / 40,
        };
    }
}
