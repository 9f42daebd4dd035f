using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Benchmarks;

/// <summary>
/// The metrics benchmark's set-up data, made set-based in SQL on the app's SQLite file: brands and months of daily
/// rows for 100,000 brands would take longer through EF than the runs they feed. Kept apart from the timed paths
/// so what is measured and what only prepares the database read separately; none of this is timed as ingestion.
/// </summary>
internal sealed class MetricsBenchData(BenchFactory factory)
{
    private Guid? _template;

    /// <summary>Now, as EF would store it in an instant column (the raw inserts' UpdatedAt).</summary>
    public static object Stamp() => StoredValues.Sqlite.Instant(DateTimeOffset.UtcNow);

    /// <summary>Copies one brand made by EF (so every required column has the app's value) <paramref name="count"/> times in one INSERT ... SELECT.</summary>
    public async Task<List<(Guid Id, string Code)>> CreateBrandsAsync(string prefix, int count)
    {
        if (_template is null)
        {
            var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await contexts.CreateDbContextAsync();
            var template = new Brand { Code = "bench-template", NameZh = "基准品牌", NameEn = "Benchmark brand" };
            db.Brands.Add(template);
            await db.SaveChangesAsync();
            _template = template.Id;
        }

        await using var connection = await factory.OpenRawAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = """PRAGMA table_info("Brands")""";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(1));
            }
        }

        const string NewGuid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";
        var select = string.Join(", ", columns.Select(c => c switch
        {
            "Id" => NewGuid,
            "Code" => "$prefix || '-' || n.i",
            _ => $"t.\"{c}\"",
        }));
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
                INSERT INTO "Brands" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
                SELECT {select} FROM n, "Brands" t WHERE t."Id" = $template
                """;
            insert.Parameters.AddWithValue("$count", count);
            insert.Parameters.AddWithValue("$prefix", prefix);
            insert.Parameters.AddWithValue("$template", StoredValues.Sqlite.Key(_template.Value));
            await insert.ExecuteNonQueryAsync();
        }

        var brands = new List<(Guid, string)>(count);
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = """SELECT "Id", "Code" FROM "Brands" WHERE "Code" LIKE $prefix || '-%'""";
            query.Parameters.AddWithValue("$prefix", prefix);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                brands.Add((Guid.Parse(reader.GetString(0)), reader.GetString(1)));
            }
        }

        return brands;
    }

    /// <summary>
    /// Every day from <paramref name="first"/> for every brand whose code starts with the prefix, in one INSERT ... SELECT.
    /// One brand in ten is active (streams, influencers, ads, many fans: it reaches most milestones); the rest only
    /// sell a little (first paid order, nothing else), as most stores on a platform do.
    /// </summary>
    public async Task<long> GenerateMetricsAsync(string prefix, DateOnly first, int days)
    {
        await using var connection = await factory.OpenRawAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < $days - 1)
            INSERT INTO "DailyMetrics" ("BrandId", "Date", "Gmv", "Orders", "PaidOrders", "Streams", "LiveMinutes", "PeakViewers", "NewFans", "Fans",
                "FanGroupMembers", "RepurchaseRate", "DistributionGmv", "Influencers", "AdSpend", "AdGmv", "ExclusiveSkus", "UpdatedAt")
            SELECT b."Id", date($first, '+' || d.i || ' days'),
                   CASE WHEN b.Active THEN abs(random() % 20000000) ELSE abs(random() % 2000000) END,
                   abs(random() % 3000), abs(random() % 2500),
                   CASE WHEN b.Active THEN abs(random() % 3) ELSE 0 END,
                   CASE WHEN b.Active THEN abs(random() % 600) ELSE 0 END,
                   abs(random() % 20000), abs(random() % 2000),
                   CASE WHEN b.Active THEN abs(random() % 500000) ELSE abs(random() % 9000) END,
                   abs(random() % 20000),
                   CASE WHEN b.Active THEN abs(random() % 10000) ELSE abs(random() % 2500) END,
                   CASE WHEN b.Active THEN abs(random() % 2000000) ELSE abs(random() % 300000) END,
                   CASE WHEN b.Active THEN abs(random() % 40) ELSE abs(random() % 8) END,
                   CASE WHEN b.Active THEN abs(random() % 1000000) END,
                   CASE WHEN b.Active THEN abs(random() % 3000000) END,
                   CASE WHEN b.Active THEN abs(random() % 4) ELSE 0 END,
                   $stamp
            FROM (SELECT "Id", CAST(substr("Code", length($prefix) + 2) AS INTEGER) % 10 = 0 AS Active
                  FROM "Brands" WHERE "Code" LIKE $prefix || '-%') b, d
            """;
        insert.Parameters.AddWithValue("$days", days);
        insert.Parameters.AddWithValue("$first", StoredValues.Sqlite.Day(first));
        insert.Parameters.AddWithValue("$prefix", prefix);
        insert.Parameters.AddWithValue("$stamp", Stamp());
        var rows = await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }
}
