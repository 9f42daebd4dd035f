using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.Core.Options;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Data;

/// <summary>Choosing the engine: its settings, its migrations and its model; no PostgreSQL server needed here.</summary>
public sealed class DatabaseProviderTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static PortalDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(provider, connectionString);
        return new PortalDbContext(options.Options);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Database=portal")]
    [InlineData("Host=db")]
    [InlineData("Host=db;Nonsense=1")]
    public void Postgres_WithoutAUsableConnectionString_NamesTheSetting(string connectionString)
    {
        var error = Should.Throw<OptionsValidationException>(() =>
            Settings(("Database:Provider", "Postgres"), ("Database:ConnectionString", connectionString)).ReadValidated(DatabaseOptions.Section, new DatabaseOptionsValidator()));

        error.Message.ShouldContain("'Database:ConnectionString'");
    }

    [Fact]
    public void Postgres_WithServerAndDatabase_IsValid()
    {
        var options = Settings(("Database:Provider", "Postgres"), ("Database:ConnectionString", "Host=db;Database=portal;Username=portal"))
            .ReadValidated(DatabaseOptions.Section, new DatabaseOptionsValidator());

        options.Provider.ShouldBe(DatabaseProvider.Postgres);
    }

    [Fact]
    public void Sqlite_WithAConnectionString_SaysItIsPostgresOnly()
    {
        var error = Should.Throw<OptionsValidationException>(() =>
            Settings(("Database:ConnectionString", "Host=db;Database=portal")).ReadValidated(DatabaseOptions.Section, new DatabaseOptionsValidator()));

        error.Message.ShouldContain("Setting 'Database:ConnectionString' is read only when Database:Provider is Postgres");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=design.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=design")]
    public void Migrations_OfEachProvider_CoverTheModel(DatabaseProvider provider, string connectionString)
    {
        using var db = Context(provider, connectionString);

        db.Database.HasPendingModelChanges().ShouldBeFalse($"add a migration to Portal.Migrations.{provider}");
    }

    [Fact]
    public void Migrations_OfBothProviders_StartWithInitial_AndHaveTheSameNames()
    {
        static List<string> Names(PortalDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]).ToList();
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=design.db");
        using var postgres = Context(DatabaseProvider.Postgres, "Host=localhost;Database=design");

        Names(sqlite).First().ShouldBe("Initial");
        Names(postgres).ShouldBe(Names(sqlite));
    }

    [Fact]
    public void Postgres_MapsGuidsInstantsAndDatesNatively()
    {
        using var db = Context(DatabaseProvider.Postgres, "Host=localhost;Database=design");

        string Column<T>(string property) => db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetColumnType();

        Column<Brand>(nameof(Brand.Id)).ShouldBe("uuid");
        Column<Brand>(nameof(Brand.CreatedAt)).ShouldBe("timestamp with time zone");
        Column<Brand>(nameof(Brand.DecisionDueOn)).ShouldBe("date");
        Column<AuditEntry>(nameof(AuditEntry.At)).ShouldBe("timestamp with time zone");
        Column<DailyMetric>(nameof(DailyMetric.Date)).ShouldBe("date");
    }

    [Fact]
    public void Sqlite_KeepsInstantsAsSortableTicks()
    {
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=design.db");

        db.Model.FindEntityType(typeof(AuditEntry))!.FindProperty(nameof(AuditEntry.At))!.GetColumnType().ShouldBe("INTEGER");
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Startup_OnADatabaseFromTheOldMigrations_RefusesAndSaysToDeleteTheFile()
    {
        using var directory = new TempDirectory();
        var path = directory.File("portal.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var command = old.CreateCommand();
            // What the migrations before the squash left in a developer's portal.db (the app keeps it in WAL mode).
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261123163509_Initial', '10.0.0'), ('20261203173312_EmailCultureBackfill', '10.0.0');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var app = new PortalAppFactory(directory, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var error = Should.Throw<UnknownMigrationsException>(() => app.CreateClient());
        error.Message.ShouldContain($"'{path}'");
        error.Message.ShouldContain("20261123163509_Initial");
        error.Message.ShouldContain("delete");
    }
}
