using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Features.Portfolio;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// PostgreSQL's twin of <see cref="DatabaseTemplate"/>: a database the app has migrated and seeded once per
/// test run (<c>portal_template_&lt;run&gt;</c>), from which each fitting host's database is made with
/// <c>CREATE DATABASE ... TEMPLATE</c> (milliseconds, where migrating and seeding take seconds). Dropped when the run ends.
/// </summary>
internal static class PostgresTemplate
{
    private static readonly Lazy<(string Name, TemplateDocuments Documents)> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A new database that is a copy of the template, with its seed's files in the host's document folder when
    /// <paramref name="settings"/> name one; builds the template first if this run has none.
    /// </summary>
    public static async Task<PostgresDatabase> CopyAsync(IDictionary<string, string?>? settings)
    {
        var database = await PostgresDatabase.CreateAsync(Template.Value.Name);
        Template.Value.Documents.CopyFor(settings);
        return database;
    }

    private static (string, TemplateDocuments) Build()
    {
        var database = PostgresDatabase.CreateAsync().GetAwaiter().GetResult();
        var files = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => files.Dispose();
        TemplateDocuments documents;
        using (var app = PortalAppFactory.OnPostgres(database, new Dictionary<string, string?>
        {
            // Nothing in the background while the template is made: its rows are exactly what migrating and seeding wrote.
            ["Jobs:RunServer"] = "false",
        }))
        {
            // The seed queued its brands' portfolio rows; with no job server, build them here, as a worker would.
            app.Services.GetRequiredService<PortfolioRefreshQueue>().DrainAsync().GetAwaiter().GetResult();
            documents = TemplateDocuments.Capture(app, files.File("documents"));
        }

        using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            connection.Open();
            // Each host makes its own data-protection key, as it would on a new machine.
            using var clear = new NpgsqlCommand("""DELETE FROM "DataProtectionKeys";""", connection);
            clear.ExecuteNonQuery();
        }

        // CREATE DATABASE ... TEMPLATE refuses a source with open connections: close the pooled ones.
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return (database.Name, documents);
    }
}
