namespace Portal.Core.Features.Metrics;

/// <summary>
/// One brand's store figures for one platform day (China Standard Time), as the data feed or a CSV
/// import sent them. Every figure is optional: a figure that was not sent is unknown (null), never zero.
/// Money is in yuan with two decimals; <see cref="RepurchaseRate"/> is a fraction from 0 to 1.
/// </summary>
public sealed class DailyMetric
{
    public Guid BrandId { get; set; }

    /// <summary>The platform day (China Standard Time) the figures belong to.</summary>
    public DateOnly Date { get; set; }

    public decimal? Gmv { get; set; }

    public long? Orders { get; set; }

    public long? PaidOrders { get; set; }

    public long? Streams { get; set; }

    public long? LiveMinutes { get; set; }

    public long? PeakViewers { get; set; }

    public long? NewFans { get; set; }

    public long? Fans { get; set; }

    public long? FanGroupMembers { get; set; }

    public decimal? RepurchaseRate { get; set; }

    /// <summary>GMV sold by influencers through the distribution library (CPS); the rest of <see cref="Gmv"/> is the brand's own.</summary>
    public decimal? DistributionGmv { get; set; }

    public long? Influencers { get; set; }

    public decimal? AdSpend { get; set; }

    public decimal? AdGmv { get; set; }

    public long? ExclusiveSkus { get; set; }

    /// <summary>When the row was last written (inserted or changed).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The day's figures as a feed row (API or CSV) gives them; a figure left out stays unknown.</summary>
    public static DailyMetric From(MetricRowInput row, Guid brandId, DateOnly date) => new()
    {
        BrandId = brandId,
        Date = date,
        Gmv = row.Gmv,
        Orders = row.Orders,
        PaidOrders = row.PaidOrders,
        Streams = row.Streams,
        LiveMinutes = row.LiveMinutes,
        PeakViewers = row.PeakViewers,
        NewFans = row.NewFans,
        Fans = row.Fans,
        FanGroupMembers = row.FanGroupMembers,
        RepurchaseRate = row.RepurchaseRate,
        DistributionGmv = row.DistributionGmv,
        Influencers = row.Influencers,
        AdSpend = row.AdSpend,
        AdGmv = row.AdGmv,
        ExclusiveSkus = row.ExclusiveSkus,
    };

    /// <summary>
    /// This row with the other's known figures laid over it: a merge (PATCH) keeps what the other
    /// leaves unknown.
    /// </summary>
    public DailyMetric MergedWith(DailyMetric other) => new()
    {
        BrandId = BrandId,
        Date = Date,
        Gmv = other.Gmv ?? Gmv,
        Orders = other.Orders ?? Orders,
        PaidOrders = other.PaidOrders ?? PaidOrders,
        Streams = other.Streams ?? Streams,
        LiveMinutes = other.LiveMinutes ?? LiveMinutes,
        PeakViewers = other.PeakViewers ?? PeakViewers,
        NewFans = other.NewFans ?? NewFans,
        Fans = other.Fans ?? Fans,
        FanGroupMembers = other.FanGroupMembers ?? FanGroupMembers,
        RepurchaseRate = other.RepurchaseRate ?? RepurchaseRate,
        DistributionGmv = other.DistributionGmv ?? DistributionGmv,
        Influencers = other.Influencers ?? Influencers,
        AdSpend = other.AdSpend ?? AdSpend,
        AdGmv = other.AdGmv ?? AdGmv,
        ExclusiveSkus = other.ExclusiveSkus ?? ExclusiveSkus,
    };

    /// <summary>Self-stream GMV: what the brand sold itself, <see cref="Gmv"/> less <see cref="DistributionGmv"/>; unknown without GMV.</summary>
    public decimal? SelfStreamGmv => Gmv is { } gmv ? Math.Max(0, gmv - (DistributionGmv ?? 0)) : null;

    /// <summary>Whether every figure equals the other row's (unknown equals only unknown).</summary>
    public bool SameFiguresAs(DailyMetric other) =>
        Gmv == other.Gmv && Orders == other.Orders && PaidOrders == other.PaidOrders && Streams == other.Streams
        && LiveMinutes == other.LiveMinutes && PeakViewers == other.PeakViewers && NewFans == other.NewFans
        && Fans == other.Fans && FanGroupMembers == other.FanGroupMembers && RepurchaseRate == other.RepurchaseRate
        && DistributionGmv == other.DistributionGmv && Influencers == other.Influencers && AdSpend == other.AdSpend
        && AdGmv == other.AdGmv && ExclusiveSkus == other.ExclusiveSkus;
}

/// <summary>
/// A brand whose milestones and tier must be evaluated again because its figures changed. Saved in
/// the same transaction as the figures, so a lost job is found again (<see cref="PendingMetricsEvaluationSource"/>).
/// </summary>
public sealed class PendingMetricsEvaluation
{
    public Guid BrandId { get; set; }

    /// <summary>The last time a batch touched the brand (for the start-up reconciliation's age check).</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>
    /// One more for every batch that queues the brand again. A run clears a row only at the version it read, so a
    /// batch committed while the run went on keeps its row for the next run. (<see cref="RequestedAt"/> could not
    /// tell: a batch stamps it before waiting for the write lock, so a later commit can carry an older stamp.)
    /// </summary>
    public long Version { get; set; }

    /// <summary>The earliest day the batches since the last evaluation touched: its month is where the summary is rebuilt from.</summary>
    public DateOnly FromDate { get; set; }
}
