namespace Portal.Core.Features.Metrics;

/// <summary>
/// One day's figures for one brand as a feed or a CSV file sends them: <see cref="Brand"/> is the
/// brand's code and <see cref="Date"/> a platform day as <c>yyyy-MM-dd</c>. A figure left out is unknown.
/// </summary>
public sealed record MetricRowInput
{
    /// <example>demo-tea</example>
    public string? Brand { get; init; }

    /// <example>2026-07-31</example>
    public string? Date { get; init; }

    /// <summary>Gross merchandise value in yuan, two decimals.</summary>
    public decimal? Gmv { get; init; }

    public long? Orders { get; init; }

    public long? PaidOrders { get; init; }

    public long? Streams { get; init; }

    public long? LiveMinutes { get; init; }

    public long? PeakViewers { get; init; }

    public long? NewFans { get; init; }

    public long? Fans { get; init; }

    public long? FanGroupMembers { get; init; }

    /// <summary>A fraction from 0 to 1, at most four decimals.</summary>
    public decimal? RepurchaseRate { get; init; }

    public decimal? DistributionGmv { get; init; }

    public long? Influencers { get; init; }

    public decimal? AdSpend { get; init; }

    public decimal? AdGmv { get; init; }

    public long? ExclusiveSkus { get; init; }
}

/// <summary>Why one row (by its index in the batch, from 0; null for the batch itself) cannot be accepted.</summary>
public sealed record MetricRowError(int? Index, string Field, string Reason);

/// <summary>What an accepted batch did.</summary>
public sealed record MetricsIngestionResult(int Inserted, int Updated, int Unchanged);

/// <summary>An accepted batch's counts, or every reason why it was refused (nothing written).</summary>
public sealed record MetricsIngestionOutcome(MetricsIngestionResult? Result, IReadOnlyList<MetricRowError> Errors)
{
    public bool Succeeded => Result is not null;
}

/// <summary>How a batch is checked: which brand it may write to, and how rows are numbered in messages.</summary>
public sealed record MetricsIngestionOptions
{
    /// <summary>When set, every row must belong to this brand (a brand importing its own figures).</summary>
    public Guid? OnlyBrandId { get; init; }

    /// <summary>Added to a row's index where a message names another row: 0 for the API's indexes, 2 for a CSV's line numbers.</summary>
    public int RowNumberBase { get; init; }

    /// <summary>The most rows the batch may hold, when not <see cref="MetricsOptions.MaxRowsPerBatch"/> (a CSV file's own cap).</summary>
    public int? MaxRows { get; init; }

    /// <summary>
    /// Merge instead of replace: a figure a row leaves out (or sends as null) keeps the value stored
    /// for that brand and day, rather than becoming unknown (<c>PATCH /api/v1/metrics/daily</c>).
    /// </summary>
    public bool Merge { get; init; }

    /// <summary>Reports how many rows have been written so far.</summary>
    public IProgress<int>? Progress { get; init; }

    /// <summary>
    /// Writes that belong with the batch (a person's import records): run on the batch's own DbContext, inside its
    /// transaction, after the rows are written and before the commit, so the rows and these writes commit together
    /// or not at all; an exception rolls the whole batch back and reaches the caller. Not run for a refused batch.
    /// </summary>
    public Func<Data.PortalDbContext, CancellationToken, Task>? BeforeCommit { get; init; }
}

/// <summary>The JSON field names of a row, used in error lists.</summary>
public static class MetricFields
{
    public const string Brand = "brand";
    public const string Date = "date";
    public const string Gmv = "gmv";
    public const string Orders = "orders";
    public const string PaidOrders = "paidOrders";
    public const string Streams = "streams";
    public const string LiveMinutes = "liveMinutes";
    public const string PeakViewers = "peakViewers";
    public const string NewFans = "newFans";
    public const string Fans = "fans";
    public const string FanGroupMembers = "fanGroupMembers";
    public const string RepurchaseRate = "repurchaseRate";
    public const string DistributionGmv = "distributionGmv";
    public const string Influencers = "influencers";
    public const string AdSpend = "adSpend";
    public const string AdGmv = "adGmv";
    public const string ExclusiveSkus = "exclusiveSkus";
    public const string Rows = "rows";

    /// <summary>Every column in the order of the API and the CSV file.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Brand, Date, Gmv, Orders, PaidOrders, Streams, LiveMinutes, PeakViewers, NewFans, Fans, FanGroupMembers,
        RepurchaseRate, DistributionGmv, Influencers, AdSpend, AdGmv, ExclusiveSkus,
    ];
}
