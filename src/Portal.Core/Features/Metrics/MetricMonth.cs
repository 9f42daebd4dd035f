namespace Portal.Core.Features.Metrics;

/// <summary>
/// One brand's figures of one calendar month (China Standard Time), summarised from its daily rows:
/// for every figure its sum, its largest day and the number of days above zero, stored as columns
/// named <c>{Metric}Sum</c>, <c>{Metric}Max</c> and <c>{Metric}Days</c> (see <see cref="Summarised"/>).
/// The evaluation keeps it current for the brands a batch touched, so the nightly recompute reads
/// one row per brand and month instead of every day: it only goes back to the daily rows for the
/// brands whose summary says a milestone may have been reached.
/// </summary>
public sealed class MetricMonth
{
    public Guid BrandId { get; set; }

    /// <summary>The month as <c>yyyy-MM</c>, as the daily rows' dates start.</summary>
    public required string Month { get; set; }

    /// <summary>The month's last day with figures.</summary>
    public DateOnly LastDate { get; set; }

    /// <summary>The month's first day with a paid order (or, where paid orders are unknown, with GMV).</summary>
    public DateOnly? FirstPaidDate { get; set; }

    /// <summary>Ad GMV on days with ad spend (fen): the numerator of the month's ad ROI.</summary>
    public long? AdGmvWithSpend { get; set; }

    /// <summary>The figures summarised, each with its SQL over a daily row <c>m</c> in storage units.</summary>
    public static IReadOnlyList<(MetricKind Metric, string Sql)> Summarised { get; } =
    [
        .. new[]
        {
            MetricKind.Gmv, MetricKind.Orders, MetricKind.PaidOrders, MetricKind.Streams, MetricKind.LiveMinutes,
            MetricKind.PeakViewers, MetricKind.NewFans, MetricKind.Fans, MetricKind.FanGroupMembers, MetricKind.RepurchaseRate,
            MetricKind.DistributionGmv, MetricKind.Influencers, MetricKind.AdSpend, MetricKind.AdGmv, MetricKind.ExclusiveSkus,
        }.Select(metric => (metric, $"""m."{metric}" """)),
        (MetricKind.SelfStreamGmv, """(CASE WHEN m."Gmv" IS NULL THEN NULL ELSE MAX(0, m."Gmv" - COALESCE(m."DistributionGmv", 0)) END)"""),
    ];

    public static string SumColumn(MetricKind metric) => $"{metric}Sum";

    public static string MaxColumn(MetricKind metric) => $"{metric}Max";

    public static string DaysColumn(MetricKind metric) => $"{metric}Days";
}
