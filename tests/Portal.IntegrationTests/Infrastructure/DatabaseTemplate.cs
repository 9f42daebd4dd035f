using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Portfolio;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A database the app has migrated and seeded once per test run, copied for each test host that would
/// start from an empty file with the default seed. Migrating and seeding take about 1.5 s per host; a copy
/// takes milliseconds, and the host then finds nothing to migrate and a seed that is already there, as on
/// any restart. Hosts whose settings could change what migrating or seeding writes start from an empty file; a host
/// with a document folder of its own gets the seed's files copied there (<see cref="TemplateDocuments"/>).
/// </summary>
internal static class DatabaseTemplate
{
    /// <summary>Setting prefixes that do not change what starting the app writes to an empty database.</summary>
    private static readonly string[] NeutralPrefixes =
    [
        "Jobs:", "Portfolio:", "Metrics:", "Email:", "RateLimiting:", "Serilog:", "Telemetry:", "Logging:",
        "Auth:RevalidationInterval", "Auth:RequireTwoFactorForStaff", "Auth:RequireHttps", "Documents:MaxFileBytes",
        // Read by requests and e-mails or validated at start; none changes what migrating or seeding writes
        // (users are seeded with confirmed addresses, and seeding sends no e-mail).
        "Auth:RequireConfirmedEmail", "Portal:PublicBaseUrl", "ForwardedHeaders:", "Database:BusyTimeoutMs",
        "DisableStaticAssetNotFoundRuntimeFallback",
    ];

    private static readonly Lazy<(string Path, TemplateDocuments Documents)> Template = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether a host of <paramref name="environment"/> with <paramref name="settings"/> may start from the template.</summary>
    public static bool Fits(string environment, IDictionary<string, string?>? settings) =>
        environment == "Development"
        && (settings ?? new Dictionary<string, string?>()).All(setting =>
            NeutralPrefixes.Any(p => setting.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || (setting.Key.Equals(TemplateDocuments.StorageSetting, StringComparison.OrdinalIgnoreCase) && TemplateDocuments.Fits(setting.Value)));

    /// <summary>
    /// Writes a copy of the template to <paramref name="path"/> and its seed's files to the host's document folder
    /// when <paramref name="settings"/> name one, building the template first if this run has none.
    /// </summary>
    public static void CopyTo(string path, IDictionary<string, string?>? settings)
    {
        File.Copy(Template.Value.Path, path);
        Template.Value.Documents.CopyFor(settings);
    }

    private static (string, TemplateDocuments) Build()
    {
        // Kept for the whole run; a fresh host on it migrates and seeds the way every test host used to.
        var directory = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        var source = directory.File("portal.db");
        TemplateDocuments documents;
        using (var app = new PortalAppFactory(directory, "Development", new Dictionary<string, string?>
        {
            // Nothing in the background while the template is made: its rows are exactly what migrating and seeding wrote.
            ["Jobs:RunServer"] = "false",
        }, useTemplate: false))
        {
            // The seed queued its brands' portfolio rows; with no job server, build them here, as a worker would.
            app.Services.GetRequiredService<PortfolioRefreshQueue>().DrainAsync().GetAwaiter().GetResult();
            documents = TemplateDocuments.Capture(app, directory.File("documents"));
        }

        // SQLite's backup folds the write-ahead log in, so the template is one consistent file.
        var template = directory.File("template.db");
        using var from = new SqliteConnection($"Data Source={source};Pooling=False");
        using var to = new SqliteConnection($"Data Source={template};Pooling=False");
        from.Open();
        to.Open();
        from.BackupDatabase(to);

        // Each host makes its own data-protection key, as it would on a new machine.
        using var clear = to.CreateCommand();
        clear.CommandText = """DELETE FROM "DataProtectionKeys";""";
        clear.ExecuteNonQuery();
        return (template, documents);
    }
}
