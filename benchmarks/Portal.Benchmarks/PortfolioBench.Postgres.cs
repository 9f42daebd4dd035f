using Npgsql;

namespace Portal.Benchmarks;

/// <summary>
/// The portfolio benchmark on PostgreSQL (<c>-- portfolio --postgres "&lt;connection string&gt;"</c>): a database of its own
/// on that server (created, then dropped), the same 10,000 brands and figures seeded set-based in PostgreSQL's dialect.
/// </summary>
internal sealed partial class PortfolioBench
{
    private string? _postgresDatabase;
    private string? _postgresServer;

    private bool OnPostgres => _postgresDatabase is not null;

    /// <summary>Creates an empty database on <paramref name="server"/>; answers its name and connection string.</summary>
    private static async Task<(string Name, string ConnectionString)> CreatePostgresDatabaseAsync(string server)
    {
        var name = "portal_bench_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"""CREATE DATABASE "{name}" """, connection);
        await create.ExecuteNonQueryAsync();
        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    private async Task DropPostgresDatabaseAsync()
    {
        if (_postgresDatabase is null || _postgresServer is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{_postgresDatabase}" WITH (FORCE)""", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The brands, documents and figures of <see cref="SeedAsync"/>, in PostgreSQL's dialect; answers the daily rows written.</summary>
    private async Task<long> SeedPostgresAsync(int count, Guid templateId, Guid staffId)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ToString();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        async Task<List<string>> ColumnsAsync(string table)
        {
            var columns = new List<string>();
            await using var info = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table ORDER BY ordinal_position", connection, transaction);
            info.Parameters.AddWithValue("table", table);
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }

            return columns;
        }

        async Task<int> ExecAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return await command.ExecuteNonQueryAsync();
        }

        string[] tiers = ["NewStore", "RampUp", "Ka", "Ska"];
        string[] statuses = ["Draft", "Submitted", "UnderReview", "ChangesRequested", "Approved", "Approved", "Approved", "Rejected"];
        var brandColumns = await ColumnsAsync("Brands");
        var brandSelect = string.Join(", ", brandColumns.Select(c => c switch
        {
            "Id" => "gen_random_uuid()",
            "Code" => "'pb-' || lpad(n.i::text, 5, '0')",
            "NameEn" => "'Brand ' || lpad(n.i::text, 5, '0')",
            "NameZh" => "'品牌' || lpad((@count - n.i)::text, 5, '0')",
            "Tier" => $"CASE n.i % 10 WHEN 0 THEN '{tiers[3]}' WHEN 1 THEN '{tiers[2]}' WHEN 2 THEN '{tiers[2]}' WHEN 3 THEN '{tiers[0]}' ELSE '{tiers[1]}' END",
            "Status" => "CASE n.i % 8 " + string.Concat(statuses.Select((s, i) => $"WHEN {i} THEN '{s}' ")) + "END",
            "AccountManagerUserId" => "CASE WHEN n.i % 7 = 0 THEN @staff END",
            "CreatedAt" => "@created",
            _ => $"t.\"{c}\"",
        }));
        await ExecAsync($"""
            INSERT INTO "Brands" ({string.Join(", ", brandColumns.Select(c => $"\"{c}\""))})
            SELECT {brandSelect} FROM generate_series(1, @count) AS n(i), "Brands" t WHERE t."Id" = @template
            """, ("count", count), ("template", templateId), ("staff", staffId), ("created", DateTimeOffset.UtcNow.AddDays(-120)));

        // Documents: a third current, a tenth expiring within 30 days, a tenth lapsed (blocked), a tenth awaiting review.
        var documentColumns = await ColumnsAsync("Documents");
        var documentSelect = string.Join(", ", documentColumns.Select(c => c switch
        {
            "Id" => "gen_random_uuid()",
            "BrandId" => "b.\"Id\"",
            "Status" => "CASE WHEN b.k % 10 = 3 THEN 'AwaitingReview' ELSE 'Approved' END",
            "ExpiresOn" => "CASE b.k % 10 WHEN 1 THEN @today - 1 WHEN 2 THEN @today + 12 ELSE @today + 300 END",
            _ => $"d.\"{c}\"",
        }));
        await ExecAsync($"""
            INSERT INTO "Documents" ({string.Join(", ", documentColumns.Select(c => $"\"{c}\""))})
            SELECT {documentSelect}
            FROM (SELECT "Id", substr("Code", 4)::int AS k FROM "Brands" WHERE "Code" LIKE 'pb-%') b, "Documents" d
            WHERE d."BrandId" = @template AND (b.k % 10 IN (1, 2, 3) OR b.k % 3 = 0)
            """, ("template", templateId), ("today", Today));

        // Figures: 60 days; one brand in five stopped 20 days ago (stalled), one in ten never sent any.
        var rows = await ExecAsync("""
            INSERT INTO "DailyMetrics" ("BrandId", "Date", "Gmv", "Orders", "PaidOrders", "Streams", "LiveMinutes", "PeakViewers", "NewFans", "Fans",
                "FanGroupMembers", "RepurchaseRate", "DistributionGmv", "Influencers", "AdSpend", "AdGmv", "ExclusiveSkus", "UpdatedAt")
            SELECT b."Id", @today - d.i, (random() * 20000000)::bigint, (random() * 3000)::bigint, (random() * 2500)::bigint, (random() * 3)::bigint,
                   (random() * 600)::bigint, (random() * 20000)::bigint, (random() * 2000)::bigint, (random() * 500000)::bigint, (random() * 20000)::bigint,
                   (random() * 10000)::bigint, (random() * 2000000)::bigint, (random() * 40)::bigint, (random() * 1000000)::bigint,
                   (random() * 3000000)::bigint, (random() * 4)::bigint, @stamp
            FROM (SELECT "Id", substr("Code", 4)::int AS k FROM "Brands" WHERE "Code" LIKE 'pb-%') b, generate_series(0, 59) AS d(i)
            WHERE b.k % 10 <> 9 AND (b.k % 5 <> 4 OR d.i >= 20)
            """, ("today", Today), ("stamp", DateTimeOffset.UtcNow));
        await transaction.CommitAsync();

        // Statistics for the planner, as autovacuum would gather them shortly after such a load.
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
        return rows;
    }
}
