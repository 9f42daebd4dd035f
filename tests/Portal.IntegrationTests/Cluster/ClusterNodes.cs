using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cluster;

/// <summary>
/// Two web nodes on one PostgreSQL database, as docs/DEPLOYMENT.md lays them out: no job server of their own
/// (<c>Jobs:RunServer=false</c>), the shared job storage, one documents folder. Started one after the other
/// (the first migrates and seeds, the second finds it done).
/// </summary>
public sealed class ClusterNodes : IAsyncLifetime
{
    private readonly TempDirectory _documents = new();

    public PostgresDatabase Database { get; private set; } = default!;

    public PortalAppFactory A { get; private set; } = default!;

    public PortalAppFactory B { get; private set; } = default!;

    /// <summary>A web node's settings; <paramref name="extra"/> wins.</summary>
    public static Dictionary<string, string?> WebNode(string documents, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Storage"] = "Postgres",
            ["Jobs:RunServer"] = "false",
            ["Documents:StoragePath"] = documents,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        A = PortalAppFactory.OnPostgres(Database, WebNode(_documents.Path));
        _ = A.Services;
        B = PortalAppFactory.OnPostgres(Database, WebNode(_documents.Path));
        _ = B.Services;
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Database.DisposeAsync();
        _documents.Dispose();
    }
}
