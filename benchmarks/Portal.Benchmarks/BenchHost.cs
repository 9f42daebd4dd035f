using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Data;

namespace Portal.Benchmarks;

/// <summary>
/// The real web app (Development settings, no job server, quiet logs) on a temp SQLite file, for every
/// benchmark; <paramref name="settings"/> adds what one benchmark needs on top.
/// </summary>
internal sealed class BenchFactory(string databasePath, string mailFolder, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "Portal.Web"), "Portal.sln");
        builder.UseSetting("Database:SqlitePath", databasePath);
        builder.UseSetting("Email:PickupDirectory", mailFolder);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Jobs:RunServer", "false");
        // Warnings per brand (e.g. milestones on brands without journey tasks) would make the console measure itself.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Error");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Error");
        builder.UseSetting("Serilog:MinimumLevel:Override:Portal", "Error");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A raw connection to the app's file, opened with the app's own connection string and PRAGMAs (the baselines use it).</summary>
    public async Task<SqliteConnection> OpenRawAsync()
    {
        var busyTimeout = Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.BusyTimeoutMs;
        var connection = new SqliteConnection(PortalCoreExtensions.SqliteConnectionString(databasePath));
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = PortalCoreExtensions.SqlitePragmas(busyTimeout);
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }
}
