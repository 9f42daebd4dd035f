using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Data;

/// <summary>
/// Hand-written SQL binds and reads values through <see cref="StoredValues"/>; these tests hold it to what
/// EF Core itself stores, and keep copies of the conversions out of the product code.
/// </summary>
public sealed partial class StoredValuesTests
{
    [Fact]
    [Trait("Engine", "Sqlite")] // StoredValues.Sqlite and SQLite's converter; PostgreSQL's forms: PostgresValues_AreNative_AndInstantsCutToMicroseconds
    public async Task StoredValues_WriteExactlyWhatEfCoreStores()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var brandId = await TestBrands.CreateWithOwnerAsync(app, "stored-values", "stored-values@example.test");
        var day = new DateOnly(2026, 11, 3);
        var at = new DateTimeOffset(2026, 11, 16, 2, 3, 4, 567, TimeSpan.Zero).AddTicks(8901);

        var stored = await app.WithDbAsync(async db =>
        {
            db.DailyMetrics.Add(new DailyMetric { BrandId = brandId, Date = day, Gmv = 1234.56m, RepurchaseRate = 0.1234m, UpdatedAt = at });
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().Command(null,
                """SELECT "BrandId", "Date", "Gmv", "RepurchaseRate", "UpdatedAt" FROM "DailyMetrics" WHERE "BrandId" = $b""",
                ("$b", StoredValues.Sqlite.Key(brandId)));
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue("the key StoredValues writes finds the row EF wrote");
            return (Key: reader.GetString(0), Day: reader.GetString(1), Fen: reader.GetInt64(2), Rate: reader.GetInt64(3), Ticks: reader.GetInt64(4),
                ReadKey: reader.GetKey(0), ReadDay: reader.GetDay(1), ReadYuan: reader.GetYuan(2), ReadAt: reader.GetInstantOrNull(4));
        });

        stored.Key.ShouldBe(StoredValues.Sqlite.Key(brandId));
        stored.Day.ShouldBe(StoredValues.Sqlite.Day(day));
        stored.Fen.ShouldBe(StoredValues.Fen(1234.56m));
        stored.Rate.ShouldBe(StoredValues.Rate(0.1234m));
        stored.Ticks.ShouldBe(StoredValues.Sqlite.Instant(at));
        (stored.ReadKey, stored.ReadDay, stored.ReadYuan, stored.ReadAt).ShouldBe((brandId, day, 1234.56m, StoredValues.Sqlite.RoundTrip(at)));
    }

    [Fact]
    [Trait("Engine", "Sqlite")] // StoredValues.Sqlite and SQLite's converter; PostgreSQL's forms: PostgresValues_AreNative_AndInstantsCutToMicroseconds
    public async Task EveryInstantInTheModel_IsStoredThroughStoredInstantConverter()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var others = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties())
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?))
            .Where(p => p.GetTypeMapping().Converter is not StoredInstantConverter)
            .Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}")
            .ToList()));

        others.ShouldBeEmpty("raw SQL binds instants with StoredValues.Instant, which must match the model");
    }

    [Fact]
    public void KeyList_OnSqlite_IsOneJsonArrayOfStoredKeys()
    {
        var id = Guid.Parse("0193a7c2-5b1e-7d3f-9a2b-4c5d6e7f8a9b");

        StoredValues.Sqlite.KeyList([id]).ShouldBe("""["0193A7C2-5B1E-7D3F-9A2B-4C5D6E7F8A9B"]""");
        StoredValues.Rows([["A", 5L]]).ShouldBe("""[["A",5]]""");
    }

    [Fact]
    public void PostgresValues_AreNative_AndInstantsCutToMicroseconds()
    {
        var id = Guid.Parse("0193a7c2-5b1e-7d3f-9a2b-4c5d6e7f8a9b");
        var at = new DateTimeOffset(2026, 11, 16, 10, 3, 4, 567, TimeSpan.FromHours(8)).AddTicks(8901);

        StoredValues.Postgres.Key(id).ShouldBe(id);
        StoredValues.Postgres.Day(new DateOnly(2026, 11, 3)).ShouldBe(new DateOnly(2026, 11, 3));
        StoredValues.Postgres.KeyList([id]).ShouldBe(new[] { id });
        StoredValues.Postgres.Instant(at).ShouldBe(new DateTimeOffset(2026, 11, 16, 2, 3, 4, 567, TimeSpan.Zero).AddTicks(8900));
        ((DateTimeOffset)StoredValues.Postgres.Instant(at)).Offset.ShouldBe(TimeSpan.Zero, "Npgsql writes timestamptz only from UTC");
    }

    // Copies of the storage conversions that StoredValues owns, in C# and in hand-written SQL (a day's month, a month's days).
    [GeneratedRegex(@"DateTimeOffsetToBinaryConverter|ToString\(\)\.ToUpperInvariant\(\)|\*\s*MetricStorage\.FenPerYuan|/\s*MetricStorage\.FenPerYuan|substr\(|to_char\(|'-01'|'-32'")]
    private static partial Regex StorageConversion();

    [Fact]
    public void ProductCode_ConvertsStoredValuesOnlyThroughStoredValues()
    {
        var src = Path.Combine(Repository.Root, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "StoredValues.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => StorageConversion().IsMatch(l.Text) && !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("bind and read stored values through Portal.Core.Data.StoredValues");
    }

    [Fact]
    public void StorageConversionPattern_FindsTheCopiesItMustFind()
    {
        StorageConversion().IsMatch("static readonly ValueConverter Instant = new DateTimeOffsetToBinaryConverter();").ShouldBeTrue();
        StorageConversion().IsMatch("brand.Value = id.ToString().ToUpperInvariant();").ShouldBeTrue();
        StorageConversion().IsMatch("p[2].Value = (long)(row.Gmv30 * MetricStorage.FenPerYuan);").ShouldBeTrue();
        StorageConversion().IsMatch("reader.GetInt64(1) / MetricStorage.FenPerYuan,").ShouldBeTrue();
        StorageConversion().IsMatch("""GROUP BY m."BrandId", substr(m."Date", 1, 7)""").ShouldBeTrue();
        StorageConversion().IsMatch("""SELECT m."BrandId", to_char(m."Date", 'YYYY-MM')""").ShouldBeTrue();
        StorageConversion().IsMatch("""AND m."Date" < @month || '-32'""").ShouldBeTrue();
        StorageConversion().IsMatch("p[0].Value = StoredValues.Key(row.BrandId);").ShouldBeFalse();
        StorageConversion().IsMatch("""GROUP BY m."BrandId", {Month}""").ShouldBeFalse();
        StorageConversion().IsMatch("var text = query.Search.Trim().ToUpperInvariant();").ShouldBeFalse();
    }
}
