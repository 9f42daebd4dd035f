using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Data;

namespace Portal.IntegrationTests.Core.Data;

/// <summary>
/// SQLite keeps an instant as ticks at its offset (<see cref="StoredInstantConverter"/>), so instants compare and sort in
/// SQL only when all are at one offset: every one is written in UTC, and migration InstantsInUtc re-encoded the rows
/// written before at China time.
/// </summary>
public sealed class InstantsInUtcTests
{
    private static readonly DateTimeOffset ChinaMorning = new(2026, 11, 11, 0, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void AnInstantInChinaTime_IsStoredAsTheSameInstantInUtc()
    {
        var stored = StoredValues.Sqlite.Instant(ChinaMorning);

        stored.ShouldBe(StoredValues.Sqlite.Instant(ChinaMorning.ToUniversalTime()));
        ((long)stored).ShouldBeGreaterThan((long)StoredValues.Sqlite.Instant(ChinaMorning.ToUniversalTime().AddMinutes(-1)));
        ((long)stored).ShouldBeLessThan((long)StoredValues.Sqlite.Instant(ChinaMorning.ToUniversalTime().AddMinutes(1)));
        StoredValues.Sqlite.RoundTrip(ChinaMorning).ShouldBe(ChinaMorning);
        StoredValues.Sqlite.RoundTrip(ChinaMorning).Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AValueStoredAtAnOffsetBefore_StillReadsAsItsInstant()
    {
        var converter = new StoredInstantConverter();
        var old = new DateTimeOffsetToBinaryConverter().ConvertToProvider(ChinaMorning)!;

        ((DateTimeOffset)converter.ConvertFromProvider(old)!).ShouldBe(ChinaMorning);
    }

    [Fact]
    [Trait("Engine", "Sqlite")] // SQLite's migrations on a file of its own, whichever engine the run is for
    public async Task Migration_ReencodesRowsStoredAtAnOffset_AsUtc_AndLeavesUtcRowsAlone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"instants-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            options.UsePortalDatabase(DatabaseProvider.Sqlite, DatabaseProviders.SqliteConnectionString(path));
            await using var db = new PortalDbContext(options.Options);
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_InstantsInUtc", StringComparison.Ordinal)) - 1];
            await migrator.MigrateAsync(before);

            // As the old converter (EF Core's own) wrote them: one at China time, one at UTC, one west of UTC.
            var encode = new DateTimeOffsetToBinaryConverter();
            var west = new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.FromHours(-5));
            foreach (var (key, at) in new[] { ("china", ChinaMorning), ("utc", ChinaMorning.ToUniversalTime().AddHours(1)), ("west", west) })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "PortalSettings" ("Key", "Value", "UpdatedAt", "Revision") VALUES ({key}, 'x', {(long)encode.ConvertToProvider(at)!}, 0)
                    """);
            }

            var utcBefore = await StoredAsync(db, "utc");
            await migrator.MigrateAsync();

            (await StoredAsync(db, "china")).ShouldBe((long)StoredValues.Sqlite.Instant(ChinaMorning));
            (await StoredAsync(db, "west")).ShouldBe((long)StoredValues.Sqlite.Instant(west));
            (await StoredAsync(db, "utc")).ShouldBe(utcBefore);
            var inOrder = await db.Database.SqlQueryRaw<string>("""SELECT "Key" AS "Value" FROM "PortalSettings" ORDER BY "UpdatedAt" """).ToListAsync();
            inOrder.ShouldBe(["china", "utc", "west"]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static Task<long> StoredAsync(PortalDbContext db, string key) =>
        db.Database.SqlQuery<long>($"""SELECT "UpdatedAt" AS "Value" FROM "PortalSettings" WHERE "Key" = {key}""").SingleAsync();
}
