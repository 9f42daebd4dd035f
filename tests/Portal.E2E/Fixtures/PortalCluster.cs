using Npgsql;

namespace Portal.E2E.Fixtures;

/// <summary>
/// The portal as docs/DEPLOYMENT.md lays it out, without the proxy: two web nodes (<see cref="A"/> and
/// <see cref="B"/>, separate Portal.Web processes) on one PostgreSQL database of their own, created on the server
/// named by <c>PORTAL_TEST_POSTGRES</c> and dropped afterwards, with the shared job storage and no job server
/// (<c>Jobs:RunServer=false</c>: nothing the journeys do needs a job) and one documents folder; and one headless
/// Chromium. Node A starts first (it migrates and seeds the demo data), node B on the ready database.
/// Without <c>PORTAL_TEST_POSTGRES</c> nothing starts and the <see cref="PostgresFactAttribute"/>s are skipped.
/// </summary>
public sealed class PortalCluster : IAsyncLifetime
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    private readonly string repositoryRoot = PortalServer.FindRepositoryRoot();
    private string? databaseName;
    private string? tempDirectory;
    private PortalProcess? a;
    private PortalProcess? b;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The server's connection string from <c>PORTAL_TEST_POSTGRES</c>, or null when the variable is unset.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public PortalProcess A => a ?? throw NotStarted();

    public PortalProcess B => b ?? throw NotStarted();

    /// <summary>A new, isolated browser context (own cookies and storage) in English on <paramref name="node"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(PortalProcess node) =>
        Chromium.NewContextAsync(browser ?? throw NotStarted(), node.BaseUrl);

    /// <summary>The last lines both nodes wrote, to explain a failure.</summary>
    public string LogTail(int lines = 60) =>
        string.Join('\n', new[] { a, b }.Select(node => node?.LogTail(lines) ?? "--- a node did not start ---"));

    public async Task InitializeAsync()
    {
        if (Server is not { } server)
        {
            return;
        }

        try
        {
            databaseName = "portal_e2e_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(server, $"""CREATE DATABASE "{databaseName}" """);
            tempDirectory = Directory.CreateTempSubdirectory("portal-e2e-cluster-").FullName;
            var settings = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ToString(),
                ["Jobs__Storage"] = "Postgres",
                ["Jobs__RunServer"] = "false",
                ["Documents__StoragePath"] = Path.Combine(tempDirectory, "documents"),
            };
            var mail = Path.Combine(tempDirectory, "mail");
            a = await PortalProcess.StartAsync(repositoryRoot, mail, settings);
            b = await PortalProcess.StartAsync(repositoryRoot, mail, settings);
            playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            browser = await Chromium.LaunchAsync(playwright);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        foreach (var node in new[] { b, a })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        (a, b) = (null, null);
        if (databaseName is not null && Server is { } server)
        {
            await ExecuteAsync(server, $"""DROP DATABASE IF EXISTS "{databaseName}" WITH (FORCE)""");
            databaseName = null;
        }

        if (tempDirectory is not null && Directory.Exists(tempDirectory))
        {
            try
            {
                Directory.Delete(tempDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying process; the OS temp folder is cleaned eventually.
            }
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static InvalidOperationException NotStarted() =>
        new($"The cluster has not been started: set {Variable} to a PostgreSQL connection string whose user may create databases (scripts/test.sh starts one).");
}

/// <summary>A journey that needs a PostgreSQL server: skipped, saying how to run it, when <c>PORTAL_TEST_POSTGRES</c> is unset.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PortalCluster.Server is null)
        {
            Skip = $"Needs a PostgreSQL server: set {PortalCluster.Variable} to a connection string (scripts/test.sh starts one).";
        }
    }
}
