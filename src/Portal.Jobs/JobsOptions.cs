using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Data;
using Portal.Core.Options;

namespace Portal.Jobs;

public enum JobStorageKind
{
    /// <summary>Hangfire.InMemory: nothing to install; the queue is empty after a restart, so the database holds all pending work.</summary>
    InMemory,

    /// <summary>Hangfire.PostgreSql, in its own schema: shared by every web node and worker process, survives restarts.</summary>
    Postgres,
}

/// <summary>Settings under <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>The schema Hangfire's tables live in, beside the portal's own (or in <see cref="ConnectionString"/>'s database).</summary>
    public const string PostgresSchema = "hangfire";

    public JobStorageKind Storage { get; set; } = JobStorageKind.InMemory;

    /// <summary>The PostgreSQL database of the job storage when it is not the portal's own (<c>Database:ConnectionString</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether this process runs a Hangfire server (workers). The web process does by default.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Workers in this process' Hangfire server.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often pending work in the database is checked for items the queue lost (cron).</summary>
    public string ReconcileCron { get; set; } = "*/5 * * * *";

    /// <summary>
    /// Postgres storage: how long a fetched job stays invisible to other workers after its worker stopped
    /// renewing it (sliding: a running job renews it, so this bounds only how long a killed worker's job waits).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The connection string of the job storage: <see cref="ConnectionString"/>, else the portal's database.</summary>
    public string? PostgresConnection(DatabaseOptions database) =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : database.Provider == DatabaseProvider.Postgres ? database.ConnectionString
        : null;
}

internal sealed class JobsOptionsValidator(IOptions<DatabaseOptions> database) : SettingsValidator<JobsOptions>
{
    /// <summary>A validator for a portal on SQLite (the default <c>Database</c> settings).</summary>
    public JobsOptionsValidator()
        : this(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions()))
    {
    }

    protected override void Check(JobsOptions options, Action<string, string> fail)
    {
        if (!Enum.IsDefined(options.Storage))
        {
            fail("Jobs:Storage", $"must be one of: {string.Join(", ", Enum.GetNames<JobStorageKind>())}.");
        }

        if (options.Storage == JobStorageKind.Postgres && options.PostgresConnection(database.Value) is null)
        {
            fail("Jobs:Storage", "Postgres job storage requires a PostgreSQL database: set Jobs:ConnectionString, or Database:Provider=Postgres with Database:ConnectionString.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (options.Storage != JobStorageKind.Postgres)
            {
                fail("Jobs:ConnectionString", "is used only when Jobs:Storage is Postgres.");
            }
            else if (ConnectionProblem(options.ConnectionString) is { } problem)
            {
                fail("Jobs:ConnectionString", problem);
            }
        }

        if (options.WorkerCount is < 1 or > 64)
        {
            fail("Jobs:WorkerCount", "must be between 1 and 64.");
        }

        if (options.InvisibilityTimeout < TimeSpan.FromSeconds(1) || options.InvisibilityTimeout > TimeSpan.FromHours(2))
        {
            fail("Jobs:InvisibilityTimeout", "must be between 00:00:01 and 02:00:00 (a killed worker's job waits this long before another worker takes it).");
        }

        if (string.IsNullOrWhiteSpace(options.ReconcileCron) || options.ReconcileCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 5 or > 6)
        {
            fail("Jobs:ReconcileCron", $"must be a cron expression, e.g. '*/5 * * * *' (got '{options.ReconcileCron}').");
        }
    }

    private static string? ConnectionProblem(string connectionString)
    {
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(parsed.Host) || string.IsNullOrWhiteSpace(parsed.Database)
                ? "must name the server and the database (Host=...;Database=...)."
                : null;
        }
        catch (ArgumentException e)
        {
            return $"is not a valid PostgreSQL connection string: {e.Message}";
        }
    }
}
