using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Portfolio;

/// <summary>The steps of the growth funnel, in order.</summary>
public enum FunnelStage
{
    Registered,
    Submitted,
    Approved,
    FirstSale,
    RampUp,
    Ka,
    Ska,
}

/// <summary>Counts of the staff work queues; each links to the list that holds them.</summary>
public sealed record WorkQueueCounts(int ApplicationsToReview, int DocumentsToReview, int Overdue, int Stalled, int Expiring);

/// <summary>How long brands spent in one stage: median days over the brands that left it, and how many did.</summary>
public sealed record StageDuration(FunnelStage From, FunnelStage To, double? MedianDays, int Brands);

/// <summary>What the staff home shows.</summary>
public sealed record OperationsSnapshot(
    WorkQueueCounts Queues,
    IReadOnlyList<(FunnelStage Stage, int Brands)> Funnel,
    IReadOnlyList<(GrowthTier Tier, int Brands)> Tiers,
    IReadOnlyList<StageDuration> Durations);

/// <summary>
/// The staff home's figures: work-queue counts (SQL counts over indexed columns and the maintained
/// portfolio rows), the growth funnel, tier distribution and the median days spent in each stage,
/// from application events and tier changes. Staff only.
/// </summary>
public sealed class OperationsOverview(IDbContextFactory<PortalDbContext> dbFactory, PortfolioQuery portfolio, TimeProvider clock, IStringLocalizer<PortfolioStrings> strings)
{
    public async Task<Outcome<OperationsSnapshot>> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return Outcome<OperationsSnapshot>.Fail(strings["Portfolio_StaffOnly"]);
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inReview = new[] { ApplicationStatus.Submitted, ApplicationStatus.UnderReview };
        var applications = await db.Brands.CountAsync(b => inReview.Contains(b.Status), cancellationToken);
        var documents = await db.Documents.CountAsync(d => d.Status == DocumentStatus.AwaitingReview, cancellationToken);
        var overdue = await db.Brands.CountAsync(b => inReview.Contains(b.Status) && b.DecisionDueOn < today, cancellationToken)
            + await db.Documents.CountAsync(d => d.Status == DocumentStatus.AwaitingReview && d.ReviewDueOn < today, cancellationToken);
        var stalled = (await portfolio.CountAsync(user, new PortfolioSpec { View = PortfolioView.Stalled }, cancellationToken)).Value;
        var expiring = (await portfolio.CountAsync(user, new PortfolioSpec { View = PortfolioView.ExpiringDocuments }, cancellationToken)).Value;

        var brands = await db.Brands.AsNoTracking().Select(b => new { b.Id, b.CreatedAt, b.Status, b.Tier }).ToListAsync(cancellationToken);
        var events = (await db.ApplicationEvents.AsNoTracking()
                .Where(e => e.Action == ApplicationAction.Submit || e.Action == ApplicationAction.Approve)
                .Select(e => new { e.BrandId, e.Action, e.CreatedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(e => (e.BrandId, e.Action))
            .ToDictionary(g => g.Key, g => g.Min(e => e.CreatedAt));
        // A tier is reached by a promotion into it. A demotion into a tier the brand skipped on the
        // way up (new store straight to KA, later back to ramp-up) is not reaching it: counted, it
        // would date the first sale or KA after the stage that followed it. (Tiers are stored as
        // names, so the comparison is made here, not in SQL.)
        var tierChanges = (await db.Set<TierChange>().AsNoTracking()
                .Select(t => new { t.BrandId, t.From, t.To, t.EffectiveFrom })
                .ToListAsync(cancellationToken))
            .Where(t => t.To > t.From)
            .GroupBy(t => (t.BrandId, t.To))
            .ToDictionary(g => g.Key, g => g.Min(t => t.EffectiveFrom));

        // When each brand first reached each stage (platform days); a later stage implies the earlier ones.
        var reached = new Dictionary<FunnelStage, List<(Guid Brand, DateOnly? On)>>();
        foreach (var stage in Enum.GetValues<FunnelStage>())
        {
            reached[stage] = [];
        }

        var durations = Enum.GetValues<FunnelStage>().Skip(1).ToDictionary(s => s, _ => new List<double>());
        foreach (var brand in brands)
        {
            DateOnly? Tier(GrowthTier tier) => tierChanges.TryGetValue((brand.Id, tier), out var on) ? on : null;
            var submitted = events.TryGetValue((brand.Id, ApplicationAction.Submit), out var s) ? PlatformTime.DayOf(s) : (DateOnly?)null;
            var approved = events.TryGetValue((brand.Id, ApplicationAction.Approve), out var a) ? PlatformTime.DayOf(a) : (DateOnly?)null;
            var stages = new (FunnelStage Stage, bool Reached, DateOnly? On)[]
            {
                (FunnelStage.Registered, true, PlatformTime.DayOf(brand.CreatedAt)),
                (FunnelStage.Submitted, submitted is not null || brand.Status != ApplicationStatus.Draft, submitted),
                (FunnelStage.Approved, approved is not null || brand.Status is ApplicationStatus.Approved or ApplicationStatus.Suspended, approved),
                // The first sale is the move to ramp-up; the stage after it is ramping up until KA.
                (FunnelStage.FirstSale, brand.Tier >= GrowthTier.RampUp || Tier(GrowthTier.RampUp) is not null, Tier(GrowthTier.RampUp)),
                (FunnelStage.RampUp, brand.Tier >= GrowthTier.RampUp || Tier(GrowthTier.RampUp) is not null, Tier(GrowthTier.RampUp)),
                (FunnelStage.Ka, brand.Tier >= GrowthTier.Ka || Tier(GrowthTier.Ka) is not null, Tier(GrowthTier.Ka)),
                (FunnelStage.Ska, brand.Tier == GrowthTier.Ska || Tier(GrowthTier.Ska) is not null, Tier(GrowthTier.Ska)),
            };
            for (var i = 0; i < stages.Length; i++)
            {
                // Reaching a later stage counts for every earlier one.
                if (stages.Skip(i).Any(x => x.Reached))
                {
                    reached[stages[i].Stage].Add((brand.Id, stages[i].On));
                }

                if (i > 0 && stages[i].Stage != FunnelStage.RampUp && stages[i].On is { } to)
                {
                    var previous = stages.Take(i).Where(x => x.Stage != FunnelStage.RampUp).Last();
                    if (previous.On is { } from && to >= from)
                    {
                        durations[stages[i].Stage].Add(to.DayNumber - from.DayNumber);
                    }
                }
            }
        }

        var order = Enum.GetValues<FunnelStage>().Where(s => s != FunnelStage.RampUp).ToList();
        var stageDurations = order.Skip(1).Select((stage, i) =>
        {
            var values = durations[stage];
            return new StageDuration(order[i], stage, Median(values), values.Count);
        }).ToList();
        var tiers = Enum.GetValues<GrowthTier>().Select(t => (t, brands.Count(b => b.Tier == t))).ToList();
        return Outcome<OperationsSnapshot>.Success(new OperationsSnapshot(
            new WorkQueueCounts(applications, documents, overdue, stalled, expiring),
            Enum.GetValues<FunnelStage>().Select(s => (s, reached[s].Count)).ToList(),
            tiers,
            stageDurations));
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
