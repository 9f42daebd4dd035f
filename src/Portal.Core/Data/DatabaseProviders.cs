using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>
/// The one place that knows how each engine is switched on: its EF provider, its migrations assembly
/// and the provider options every caller (the hosts, <c>dotnet ef</c>'s design-time factories, the tests) shares.
/// </summary>
public static class DatabaseProviders
{
    /// <summary>The assembly that holds SQLite's migrations (one set per provider).</summary>
    public const string SqliteMigrationsAssembly = "Portal.Migrations.Sqlite";

    /// <summary>The assembly that holds PostgreSQL's migrations.</summary>
    public const string PostgresMigrationsAssembly = "Portal.Migrations.Postgres";

    /// <summary>Points <paramref name="options"/> at the engine with its migrations assembly.</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, sqlite => sqlite
                .MigrationsAssembly(SqliteMigrationsAssembly)
                // One JSON parameter per list (json_each), not one parameter per item: the nightly recompute's
                // and a large import's id lists run past SQLite's 32,766-variable limit otherwise.
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            // Npgsql sends a list as one array parameter (= ANY(@p)) by default: no variable limit to work around.
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, postgres => postgres
                .MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };

    /// <summary>The connection string for a SQLite file; shared pooled connections, foreign keys on.</summary>
    public static string SqliteConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, ForeignKeys = true, Cache = SqliteCacheMode.Default }.ToString();
}
