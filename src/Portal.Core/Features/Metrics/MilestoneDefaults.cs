using Portal.Core.Features.Journey;

namespace Portal.Core.Features.Metrics;

/// <summary>The default milestones per STEPS area, seeded once by code; afterwards the database is the source.</summary>
public static class MilestoneDefaults
{
    public static IReadOnlyList<MilestoneDefinition> Defaults() =>
    [
        M(StepsArea.Distribution, "e-10-influencers", 10, "10 位达人带货", "10 influencers selling", MetricKind.Influencers, MilestoneAggregation.Maximum, 10, "e-first-influencers"),
        M(StepsArea.Distribution, "e-distribution-100k-month", 20, "单月分销 GMV 达 ¥10 万", "¥100k distribution GMV in a month", MetricKind.DistributionGmv, MilestoneAggregation.MonthlySum, 100_000m),
        M(StepsArea.Traffic, "t-first-ad-spend", 10, "首次付费推广", "First ad spend", MetricKind.AdSpend, MilestoneAggregation.DaysWithValue, 1, "t-first-promotion"),
        M(StepsArea.Traffic, "t-roi-2-month", 20, "单月投放 ROI 达到 2", "Ad ROI of 2 in a month", MetricKind.AdRoi, MilestoneAggregation.MonthlySum, 2, "t-roi-2"),
        M(StepsArea.SelfStreaming, "s-first-stream", 10, "首场自播", "First stream", MetricKind.Streams, MilestoneAggregation.DaysWithValue, 1, "s-first-stream"),
        M(StepsArea.SelfStreaming, "s-10-streams", 20, "10 天开播", "10 days of streams", MetricKind.Streams, MilestoneAggregation.DaysWithValue, 10, "s-ten-streams"),
        M(StepsArea.SelfStreaming, "s-day-stream-gmv-100k", 30, "单日自播 GMV 达 ¥10 万", "A day's stream GMV of ¥100k", MetricKind.SelfStreamGmv, MilestoneAggregation.Maximum, 100_000m),
        M(StepsArea.SelfStreaming, "s-self-stream-1m-month", 40, "单月自播 GMV 达 ¥100 万", "¥1M self-stream GMV in a month", MetricKind.SelfStreamGmv, MilestoneAggregation.MonthlySum, 1_000_000m),
        M(StepsArea.PrivateDomain, "p-10k-fans", 10, "粉丝达 1 万", "10,000 fans", MetricKind.Fans, MilestoneAggregation.Maximum, 10_000),
        M(StepsArea.PrivateDomain, "p-repurchase-30", 20, "复购率达 30%", "Repurchase rate of 30%", MetricKind.RepurchaseRate, MilestoneAggregation.Latest, 0.30m, "p-repurchase-30"),
        M(StepsArea.Exclusive, "x-first-exclusive-sku", 10, "首款渠道特供商品", "First exclusive SKU", MetricKind.ExclusiveSkus, MilestoneAggregation.Maximum, 1, "x-sell-sku"),
    ];

    private static MilestoneDefinition M(StepsArea area, string code, int order, string zh, string en, MetricKind metric, MilestoneAggregation aggregation, decimal threshold, params string[] tasks) =>
        new()
        {
            Code = code,
            Area = area,
            SortOrder = order,
            TitleZh = zh,
            TitleEn = en,
            Metric = metric,
            Aggregation = aggregation,
            Threshold = threshold,
            TaskCodes = [.. tasks],
        };
}
