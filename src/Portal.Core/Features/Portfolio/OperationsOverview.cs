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
/// portfolio rows, read on every call), and the growth funnel, tier distribution and median days per stage
/// (<see cref="GrowthFunnel"/>), which read every brand, application event and tier change.
/// <para>
/// Those growth figures are computed again only when their <see cref="GrowthFingerprint"/> moved: how many
/// brands, application events and tier changes there are, and <see cref="PortfolioVersion"/>, which the
/// refresher raises when it rewrites portfolio rows (they copy each brand's status and tier). A submission,
/// an approval, a tier move or a new brand shows at once; a status or tier written without an event (seeding,
/// repairs) shows once the refresher has copied it, as the portfolio itself does. Every process keeps its own
/// copy, keyed on the database's counts, so nodes never disagree for longer than a read. Staff only.
/// </para>
/// </summary>
public sealed class OperationsOverview(IDbContextFactory<PortalDbContext> dbFactory, PortfolioQuery portfolio, TimeProvider clock, IStringLocalizer<PortfolioStrings> strings)
{
    // One reference, replaced whole: a reader sees a fingerprint with the figures computed from it.
    private CachedGrowth? _growth;

    /// <summary>What the growth figures were computed from; equal fingerprints mean equal figures.</summary>
    internal sealed record GrowthFingerprint(long Version, int Brands, int Events, int TierChanges);

    private sealed record CachedGrowth(GrowthFingerprint Key, GrowthFigures Figures);

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
        var growth = await GrowthAsync(db, cancellationToken);
        return Outcome<OperationsSnapshot>.Success(new OperationsSnapshot(
            new WorkQueueCounts(applications, documents, overdue, stalled, expiring), growth.Funnel, growth.Tiers, growth.Durations));
    }

    private async Task<GrowthFigures> GrowthAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        // One statement; no version row yet (a database the refresher has not run on) means no caching.
        var key = await db.PortfolioVersions.AsNoTracking()
            .Where(v => v.Id == PortfolioVersion.SingleId)
            .Select(v => new GrowthFingerprint(v.Value, db.Brands.Count(), db.ApplicationEvents.Count(), db.Set<TierChange>().Count()))
            .FirstOrDefaultAsync(cancellationToken);
        if (key is not null && _growth is { } cached && cached.Key == key)
        {
            return cached.Figures;
        }

        var figures = await ComputeGrowthAsync(db, cancellationToken);
        if (key is not null)
        {
            _growth = new CachedGrowth(key, figures);
        }

        return figures;
    }

    private static async Task<GrowthFigures> ComputeGrowthAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var brands = await db.Brands.AsNoTracking()
            .Select(b => new GrowthFunnel.BrandStage(b.Id, b.CreatedAt, b.Status, b.Tier))
            .ToListAsync(cancellationToken);
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
        var promotions = (await db.Set<TierChange>().AsNoTracking()
                .Select(t => new { t.BrandId, t.From, t.To, t.EffectiveFrom })
                .ToListAsync(cancellationToken))
            .Where(t => t.To > t.From)
            .GroupBy(t => (t.BrandId, t.To))
            .ToDictionary(g => g.Key, g => g.Min(t => t.EffectiveFrom));
        return GrowthFunnel.Compute(brands, events, promotions);
    }
}
