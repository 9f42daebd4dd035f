using Npgsql;
using Portal.Core.Options;

namespace Portal.Core.Data;

/// <summary>The database engine: SQLite, embedded (the default), or a PostgreSQL server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file, relative to the content root unless absolute (SQLite only).</summary>
    public string SqlitePath { get; set; } = "App_Data/portal.db";

    /// <summary>The PostgreSQL connection string, e.g. <c>Host=db;Database=portal;Username=portal;Password=…</c> (Postgres only).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a connection waits for a lock before failing, in milliseconds.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;
}

internal sealed class DatabaseOptionsValidator : SettingsValidator<DatabaseOptions>
{
    protected override void Check(DatabaseOptions options, Action<string, string> fail)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            fail("Database:Provider", $"must be one of: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(options.SqlitePath))
            {
                fail("Database:SqlitePath", "must name the SQLite database file.");
            }

            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                fail("Database:ConnectionString", "is read only when Database:Provider is Postgres; SQLite's file is Database:SqlitePath.");
            }
        }

        if (options.Provider == DatabaseProvider.Postgres && PostgresProblem(options.ConnectionString) is { } problem)
        {
            fail("Database:ConnectionString", problem);
        }

        if (options.BusyTimeoutMs is < 0 or > 600_000)
        {
            fail("Database:BusyTimeoutMs", "must be between 0 and 600000 milliseconds.");
        }
    }

    private static string? PostgresProblem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "must be set when Database:Provider is Postgres (e.g. Host=db;Database=portal;Username=portal;Password=...).";
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
            {
                return "must name the server (Host=...).";
            }

            return string.IsNullOrWhiteSpace(parsed.Database) ? "must name the database (Database=...)." : null;
        }
        catch (ArgumentException e)
        {
            return $"is not a valid PostgreSQL connection string: {e.Message}";
        }
    }
}
