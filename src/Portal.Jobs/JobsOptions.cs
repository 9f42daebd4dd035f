using Portal.Core.Options;

namespace Portal.Jobs;

public enum JobStorageKind
{
    /// <summary>Hangfire.InMemory: nothing to install; the queue is empty after a restart, so the database holds all pending work.</summary>
    InMemory,
}

/// <summary>Settings under <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public JobStorageKind Storage { get; set; } = JobStorageKind.InMemory;

    /// <summary>Whether this process runs a Hangfire server (workers). The web process does by default.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Workers in this process' Hangfire server.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often pending work in the database is checked for items the queue lost (cron).</summary>
    public string ReconcileCron { get; set; } = "*/5 * * * *";
}

internal sealed class JobsOptionsValidator : SettingsValidator<JobsOptions>
{
    protected override void Check(JobsOptions options, Action<string, string> fail)
    {
        if (!Enum.IsDefined(options.Storage))
        {
            fail("Jobs:Storage", $"must be one of: {string.Join(", ", Enum.GetNames<JobStorageKind>())}.");
        }

        if (options.WorkerCount is < 1 or > 64)
        {
            fail("Jobs:WorkerCount", "must be between 1 and 64.");
        }

        if (string.IsNullOrWhiteSpace(options.ReconcileCron) || options.ReconcileCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 5 or > 6)
        {
            fail("Jobs:ReconcileCron", $"must be a cron expression, e.g. '*/5 * * * *' (got '{options.ReconcileCron}').");
        }
    }
}
