using Portal.Core.Options;

namespace Portal.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
}

/// <summary>Settings under <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file, relative to the content root unless absolute.</summary>
    public string SqlitePath { get; set; } = "App_Data/portal.db";

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

        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            fail("Database:SqlitePath", "must name the SQLite database file.");
        }

        if (options.BusyTimeoutMs is < 0 or > 600_000)
        {
            fail("Database:BusyTimeoutMs", "must be between 0 and 600000 milliseconds.");
        }
    }
}
