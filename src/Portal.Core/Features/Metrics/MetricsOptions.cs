using Portal.Core.Options;

namespace Portal.Core.Features.Metrics;

/// <summary>Settings under <c>Metrics</c>: the feed's limits, the evaluation jobs and the stalled flag.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>The most rows one batch (API call or CSV file) may hold.</summary>
    public int MaxRowsPerBatch { get; set; } = 10_000;

    /// <summary>The largest request body <c>PUT /api/v1/metrics/daily</c> accepts; larger answers 413.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Metrics API requests one client may make per minute; more answer 429 with Retry-After.</summary>
    public int RequestsPerMinutePerClient { get; set; } = 60;

    /// <summary>The largest CSV file the import page accepts.</summary>
    public long MaxCsvBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>The most rows one CSV file may hold: the import pages' own cap, separate from the API's <see cref="MaxRowsPerBatch"/>.</summary>
    public int MaxCsvRows { get; set; } = 200_000;

    /// <summary>A brand with neither figures nor a new milestone for this many days is flagged as stalled.</summary>
    public int StalledAfterDays { get; set; } = 14;

    /// <summary>How long after an accepted batch its evaluation runs; batches in between share the job.</summary>
    public int EvaluationDelaySeconds { get; set; } = 2;

    /// <summary>When the full recompute runs (cron, China Standard Time).</summary>
    public string NightlyRecomputeCron { get; set; } = "30 2 * * *";
}

internal sealed class MetricsOptionsValidator : SettingsValidator<MetricsOptions>
{
    protected override void Check(MetricsOptions options, Action<string, string> fail)
    {
        if (options.MaxRowsPerBatch is < 1 or > 1_000_000)
        {
            fail("Metrics:MaxRowsPerBatch", "must be between 1 and 1000000.");
        }

        if (options.MaxBodyBytes < 1024)
        {
            fail("Metrics:MaxBodyBytes", "must be at least 1024 bytes.");
        }

        if (options.RequestsPerMinutePerClient < 1)
        {
            fail("Metrics:RequestsPerMinutePerClient", "must be at least 1.");
        }

        if (options.MaxCsvBytes < 1024)
        {
            fail("Metrics:MaxCsvBytes", "must be at least 1024 bytes.");
        }

        if (options.MaxCsvRows is < 1 or > 1_000_000)
        {
            fail("Metrics:MaxCsvRows", "must be between 1 and 1000000.");
        }

        if (options.StalledAfterDays < 1)
        {
            fail("Metrics:StalledAfterDays", "must be at least 1.");
        }

        if (options.EvaluationDelaySeconds is < 0 or > 3600)
        {
            fail("Metrics:EvaluationDelaySeconds", "must be between 0 and 3600.");
        }

        if (string.IsNullOrWhiteSpace(options.NightlyRecomputeCron) || options.NightlyRecomputeCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 5 or > 6)
        {
            fail("Metrics:NightlyRecomputeCron", $"must be a cron expression, e.g. '30 2 * * *' (got '{options.NightlyRecomputeCron}').");
        }
    }
}
