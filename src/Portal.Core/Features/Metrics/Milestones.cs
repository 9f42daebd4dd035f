using Portal.Core.Features.Journey;

namespace Portal.Core.Features.Metrics;

/// <summary>The figure a milestone watches. <see cref="SelfStreamGmv"/> and <see cref="AdRoi"/> are derived from the daily row.</summary>
public enum MetricKind
{
    Gmv,
    Orders,
    PaidOrders,
    Streams,
    LiveMinutes,
    PeakViewers,
    NewFans,
    Fans,
    FanGroupMembers,
    RepurchaseRate,
    DistributionGmv,
    Influencers,
    AdSpend,
    AdGmv,
    ExclusiveSkus,

    /// <summary>GMV less distribution GMV: what the brand sold in its own streams.</summary>
    SelfStreamGmv,

    /// <summary>Ad GMV divided by ad spend (only where ad spend is above zero).</summary>
    AdRoi,
}

/// <summary>How daily figures are combined before they are compared with the threshold.</summary>
public enum MilestoneAggregation
{
    /// <summary>The sum over a calendar month (China Standard Time); met on the day the month's running sum reaches the threshold. For <see cref="MetricKind.AdRoi"/>: the month's ad GMV over its ad spend.</summary>
    MonthlySum,

    /// <summary>A single day's figure; met on the first day it reaches the threshold.</summary>
    Maximum,

    /// <summary>The latest known figure; met when the brand's most recent value reaches the threshold.</summary>
    Latest,

    /// <summary>The number of days with a figure above zero; met on the day that count reaches the threshold.</summary>
    DaysWithValue,
}

/// <summary>
/// A milestone on the STEPS path, reached from the metrics (seeded per area, editable in the
/// database): a metric, an aggregation, a threshold, and the playbook tasks it completes.
/// </summary>
public sealed class MilestoneDefinition : Data.IAudited, AdminConfig.IAdminEditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable code, e.g. <c>s-first-stream</c>.</summary>
    public required string Code { get; set; }

    public StepsArea Area { get; set; }

    public int SortOrder { get; set; }

    public required string TitleZh { get; set; }

    public required string TitleEn { get; set; }

    public MetricKind Metric { get; set; }

    public MilestoneAggregation Aggregation { get; set; }

    /// <summary>Yuan for money, a fraction for the repurchase rate, a ratio for ROI, a count otherwise.</summary>
    public decimal Threshold { get; set; }

    /// <summary>Codes of the playbook tasks the milestone completes (source: milestone).</summary>
    public List<string> TaskCodes { get; set; } = [];

    public bool IsActive { get; set; } = true;

    /// <summary>Optimistic concurrency: two administrators editing the same row cannot both win.</summary>
    public int Revision { get; set; }

    public string Title(System.Globalization.CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TitleZh : TitleEn;
}

/// <summary>A milestone a brand reached: recorded once, with the day and the figure that proved it.</summary>
public sealed class MilestoneAchievement : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public Guid MilestoneDefinitionId { get; set; }

    /// <summary>The platform day whose figures reached the threshold.</summary>
    public DateOnly AchievedOn { get; set; }

    /// <summary>The aggregated figure that reached the threshold (e.g. the month's GMV so far).</summary>
    public decimal Value { get; set; }

    /// <summary>Where the proof lies, e.g. "2026-07" for a month, or the day.</summary>
    public required string Period { get; set; }

    /// <summary>When its tasks were completed; null until then, so a crash between the two is repaired on the next run.</summary>
    public DateTimeOffset? TasksCompletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
