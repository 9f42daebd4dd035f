using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Data;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A database of its own on the PostgreSQL server named by <c>PORTAL_TEST_POSTGRES</c> (a connection
/// string whose user may create databases; <c>scripts/test.sh</c> starts a throwaway cluster and sets it),
/// dropped on dispose. Tests that need one are <see cref="PostgresFactAttribute"/>s and are skipped without it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    private PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The server's connection string from <c>PORTAL_TEST_POSTGRES</c>, or null when the variable is unset.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates an empty database with a unique name, or a copy of <paramref name="template"/>.</summary>
    public static async Task<PostgresDatabase> CreateAsync(string? template = null)
    {
        var server = Server ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = "portal_test_" + Guid.NewGuid().ToString("N");
        var sql = template is null ? $"""CREATE DATABASE "{name}" """ : $"""CREATE DATABASE "{name}" TEMPLATE "{template}" """;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand(sql, connection);
                await create.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // Another CREATE DATABASE is copying the same template at this moment ("source database is being accessed").
                await Task.Delay(50 * attempt);
            }
        }

        return Existing(name);
    }

    /// <summary>The database called <paramref name="name"/> on the server (a restarted host's).</summary>
    public static PostgresDatabase Existing(string name) =>
        new(name, new NpgsqlConnectionStringBuilder(Server) { Database = name }.ToString());

    /// <summary>A context on this database as the portal configures PostgreSQL (without the app's interceptors).</summary>
    public PortalDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(DatabaseProvider.Postgres, ConnectionString);
        return new PortalDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{Name}" WITH (FORCE)""", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>A test that needs a PostgreSQL server: skipped, saying how to run it, when <c>PORTAL_TEST_POSTGRES</c> is unset.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.Server is null)
        {
            Skip = $"Needs a PostgreSQL server: set {PostgresDatabase.Variable} to a connection string (scripts/test.sh starts one).";
        }
    }
}
