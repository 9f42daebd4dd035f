using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Portfolio;

/// <summary>
/// One brand's figures as the staff portfolio filters and sorts them, maintained by
/// <see cref="PortfolioRefresher"/> (set-based) so a page of 10,000 brands never aggregates daily
/// metrics or evaluates compliance on read. Everything that changes by itself when a day passes is
/// stored as a date and compared at query time (<see cref="BlockedFrom"/>, <see cref="NextExpiryOn"/>,
/// <see cref="LastFiguresOn"/>), so the row stays right between refreshes; only the GMV windows move
/// with the day, and the refresher recomputes every row when the platform day changes.
/// <para>
/// The brand's own columns the grid filters, sorts and shows (<see cref="Code"/> to <see cref="CategoryIds"/>) are
/// copies of <c>Brands</c> that the refresher's insert reads, written for every brand queued in
/// <see cref="PendingPortfolioRefresh"/> (ADR 0019), so a portfolio page reads this one narrow table
/// through its composite indexes without a join (ADR 0007). Nothing else writes them.
/// </para>
/// </summary>
public sealed class BrandPortfolioRow
{
    public Guid BrandId { get; set; }

    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";

    public string NameEn { get; set; } = "";

    public GrowthTier Tier { get; set; }

    public ApplicationStatus Status { get; set; }

    public Guid? AccountManagerUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The account manager's display name (or e-mail), copied by the refresher.</summary>
    public string? AccountManagerName { get; set; }

    /// <summary>The brand's category ids, comma-separated, copied by the refresher.</summary>
    public string CategoryIds { get; set; } = "";

    /// <summary>The platform day the GMV windows end on.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>GMV of the 30 days up to <see cref="AsOf"/>, in yuan.</summary>
    public decimal Gmv30 { get; set; }

    /// <summary>GMV of the 30 days before those.</summary>
    public decimal GmvPrev30 { get; set; }

    /// <summary>Change of <see cref="Gmv30"/> against <see cref="GmvPrev30"/> in whole percent; null when there was nothing to compare with.</summary>
    public int? TrendPercent { get; set; }

    public DateOnly? LastFiguresOn { get; set; }

    public DateTimeOffset? LastMilestoneAt { get; set; }

    /// <summary>The latest thing that happened to the brand: creation, application, documents, tasks, figures, milestones.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>Compliance as evaluated on <see cref="AsOf"/> (<see cref="RequirementEvaluator"/>).</summary>
    public ComplianceStatus Compliance { get; set; }

    /// <summary>When not yet blocked: the first day an approved document of a selling-blocking rule lapses, making the brand Blocked.</summary>
    public DateOnly? BlockedFrom { get; set; }

    /// <summary>The earliest expiry of the brand's approved, current documents (the "expiring documents" view).</summary>
    public DateOnly? NextExpiryOn { get; set; }

    /// <summary>Documents waiting for a staff decision.</summary>
    public int DocumentsAwaitingReview { get; set; }

    // Percent of active playbook tasks done, per STEPS area (StepsArea order: E, T, S, P, S).
    public int ProgressDistribution { get; set; }

    public int ProgressTraffic { get; set; }

    public int ProgressSelfStreaming { get; set; }

    public int ProgressPrivateDomain { get; set; }

    public int ProgressExclusive { get; set; }

    public DateTimeOffset RefreshedAt { get; set; }

    /// <summary>
    /// The stalled rule (<see cref="Metrics.MetricsReader.GetStalledBrandsAsync"/>) on the maintained dates: created before
    /// <paramref name="sinceInstant"/>, with neither figures after <paramref name="sinceDay"/> nor a milestone after the instant.
    /// </summary>
    public bool IsStalled(DateOnly sinceDay, DateTimeOffset sinceInstant) =>
        CreatedAt < sinceInstant && (LastFiguresOn is null || LastFiguresOn <= sinceDay) && (LastMilestoneAt is null || LastMilestoneAt <= sinceInstant);

    /// <summary>
    /// <see cref="IsStalled"/> as a query filter, the one SQL form of the rule: the portfolio's stalled view and filter
    /// and the staff home's stalled card use it.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<BrandPortfolioRow, bool>> Stalled(DateOnly sinceDay, DateTimeOffset sinceInstant) =>
        x => x.CreatedAt < sinceInstant && (x.LastFiguresOn == null || x.LastFiguresOn <= sinceDay) && (x.LastMilestoneAt == null || x.LastMilestoneAt <= sinceInstant);
}
