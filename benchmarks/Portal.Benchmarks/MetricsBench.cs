using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.Core.Time;

namespace Portal.Benchmarks;

internal sealed record IngestionFigures(IReadOnlyDictionary<string, double> Rates);

internal sealed record RecomputeFigures(long Rows, TimeSpan Generation, TimeSpan First, MetricsEvaluationSummary FirstSummary, IReadOnlyList<TimeSpan> Steady);

internal sealed class MetricsBench : IAsyncDisposable
{
    private const string RawPath = "raw ADO.NET prepared insert";
    private const string EfPath = "EF AddRange + SaveChanges";
    private const string ServicePath = "MetricsIngestionService";
    private const string HttpPath = "HTTP PUT /api/v1/metrics/daily";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly ValueConverter Instant = new DateTimeOffsetToBinaryConverter();

    private readonly string _directory;
    private readonly BenchFactory _factory;
    private readonly HttpClient _client;
    private readonly Random _random = new(20261123);
    private Guid? _template;
    private int _prefix;

    private MetricsBench(string directory, BenchFactory factory, HttpClient client)
    {
        _directory = directory;
        _factory = factory;
        _client = client;
    }

    public string DatabasePath => Path.Combine(_directory, "portal.db");

    private IServiceProvider Services => _factory.Services;

    private DateOnly Today => PlatformTime.DayOf(Services.GetRequiredService<PortalClock>().GetUtcNow());

    public static async Task<MetricsBench> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("portal-bench-").FullName;
        var factory = new BenchFactory(Path.Combine(directory, "portal.db"), Path.Combine(directory, "mail"),
            new Dictionary<string, string> { ["Metrics:RequestsPerMinutePerClient"] = "1000000" });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-feed",
            ["client_secret"] = "demo-feed-secret",
            ["scope"] = "metrics.write",
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new MetricsBench(directory, factory, client);
    }

    // ---------------------------------------------------------------- ingestion

    public async Task<IngestionFigures> MeasureIngestionAsync(BenchmarkSizes sizes)
    {
        var paths = new (string Name, Func<Workload, Task> Run)[]
        {
            (RawPath, RawInsertAsync),
            (EfPath, EfAddRangeAsync),
            (ServicePath, ServiceAsync),
            (HttpPath, HttpAsync),
        };
        var rates = paths.ToDictionary(p => p.Name, _ => new List<double>());
        var brandsPerRun = Math.Max(1, sizes.IngestRowsPerRun / sizes.IngestDays);
        for (var run = 0; run < sizes.WarmUpRuns + sizes.MeasuredRuns; run++)
        {
            var warmUp = run < sizes.WarmUpRuns;
            // Round robin, so every path sees a database of about the same size.
            foreach (var (name, measure) in paths)
            {
                var workload = await WorkloadAsync(warmUp ? Math.Max(1, brandsPerRun / 10) : brandsPerRun, sizes.IngestDays, sizes.BatchRows);
                var watch = Stopwatch.StartNew();
                await measure(workload);
                watch.Stop();
                var rate = workload.RowCount / watch.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(warmUp ? "warm-up " : "run ")}{run - sizes.WarmUpRuns + 1,-3} {name,-32} {workload.RowCount,9:N0} rows {watch.Elapsed.TotalSeconds,7:F2} s {rate,10:N0} rows/s"));
                if (!warmUp)
                {
                    rates[name].Add(rate);
                }
            }
        }

        return new IngestionFigures(rates.ToDictionary(r => r.Key, r => r.Value.Order().ElementAt(r.Value.Count / 2)));
    }

    /// <summary>Rows for fresh brands over the last <paramref name="days"/> days, as each path needs them (prepared outside the timing).</summary>
    private async Task<Workload> WorkloadAsync(int brandCount, int days, int batchRows)
    {
        var brands = await CreateBrandsAsync($"ing{++_prefix}", brandCount);
        var first = Today.AddDays(-days);
        var inputs = new List<MetricRowInput>(brandCount * days);
        foreach (var (_, code) in brands)
        {
            for (var d = 0; d < days; d++)
            {
                inputs.Add(RandomRow(code, first.AddDays(d)));
            }
        }

        var ids = brands.ToDictionary(b => b.Code, b => b.Id);
        var batches = inputs.Chunk(batchRows).Select(c => (IReadOnlyList<MetricRowInput>)c).ToList();
        return new Workload(
            batches,
            batches.Select(b => b.Select(r => ToEntity(r, ids[r.Brand!])).ToList()).ToList(),
            batches.Select(b => JsonSerializer.Serialize(new { rows = b }, Json)).ToList());
    }

    private MetricRowInput RandomRow(string brand, DateOnly date) => BenchRows.Random(_random, brand, date);

    private static DailyMetric ToEntity(MetricRowInput row, Guid brandId)
    {
        var entity = DailyMetric.From(row, brandId, DateOnly.ParseExact(row.Date!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        entity.UpdatedAt = DateTimeOffset.UtcNow;
        return entity;
    }

    private async Task RawInsertAsync(Workload workload)
    {
        await using var connection = await OpenRawAsync();
        foreach (var batch in workload.Entities)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "DailyMetrics" ("BrandId", "Date", "Gmv", "Orders", "PaidOrders", "Streams", "LiveMinutes", "PeakViewers", "NewFans", "Fans",
                    "FanGroupMembers", "RepurchaseRate", "DistributionGmv", "Influencers", "AdSpend", "AdGmv", "ExclusiveSkus", "UpdatedAt")
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17)
                """;
            var p = Enumerable.Range(0, 18).Select(i => command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value))).ToArray();
            command.Prepare();
            var stamp = Instant.ConvertToProvider(DateTimeOffset.UtcNow)!;
            foreach (var row in batch)
            {
                p[0].Value = row.BrandId.ToString().ToUpperInvariant();
                p[1].Value = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                p[2].Value = Fen(row.Gmv);
                p[3].Value = Db(row.Orders);
                p[4].Value = Db(row.PaidOrders);
                p[5].Value = Db(row.Streams);
                p[6].Value = Db(row.LiveMinutes);
                p[7].Value = Db(row.PeakViewers);
                p[8].Value = Db(row.NewFans);
                p[9].Value = Db(row.Fans);
                p[10].Value = Db(row.FanGroupMembers);
                p[11].Value = row.RepurchaseRate is { } rate ? (long)(rate * 10_000m) : DBNull.Value;
                p[12].Value = Fen(row.DistributionGmv);
                p[13].Value = Db(row.Influencers);
                p[14].Value = Fen(row.AdSpend);
                p[15].Value = Fen(row.AdGmv);
                p[16].Value = Db(row.ExclusiveSkus);
                p[17].Value = stamp;
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    private static object Fen(decimal? amount) => amount is { } value ? (long)(value * 100m) : DBNull.Value;

    private static object Db(long? value) => value is { } v ? v : DBNull.Value;

    private async Task EfAddRangeAsync(Workload workload)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        foreach (var batch in workload.Entities)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.DailyMetrics.AddRange(batch);
            await db.SaveChangesAsync();
        }
    }

    private async Task ServiceAsync(Workload workload)
    {
        var service = Services.GetRequiredService<MetricsIngestionService>();
        foreach (var batch in workload.Inputs)
        {
            var outcome = await service.IngestAsync(batch);
            if (outcome.Result is not { } result || result.Inserted != batch.Count)
            {
                throw new InvalidOperationException($"The service refused a batch: {string.Join("; ", outcome.Errors.Take(3))}");
            }
        }
    }

    private async Task HttpAsync(Workload workload)
    {
        foreach (var body in workload.Bodies)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _client.PutAsync("/api/v1/metrics/daily", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    // ---------------------------------------------------------------- evaluation

    /// <summary>Each phase's milliseconds over the measured incremental runs.</summary>
    public Dictionary<string, List<double>> IncrementalPhases { get; } = [];

    public async Task<(RecomputeFigures Recompute, IReadOnlyList<TimeSpan> Incremental)> MeasureEvaluationAsync(BenchmarkSizes sizes)
    {
        var evaluation = Services.GetRequiredService<MetricsEvaluationService>();
        // The ingestion runs left brands queued; the incremental figures must only see their own.
        await evaluation.EvaluatePendingAsync();

        var first = Today.AddDays(-(sizes.RecomputeDays + sizes.IncrementalWarmUp + sizes.IncrementalRuns + 5));
        var generation = Stopwatch.StartNew();
        var brands = await CreateBrandsAsync("rc", sizes.RecomputeBrands);
        var rows = await GenerateMetricsAsync("rc", first, sizes.RecomputeDays);
        generation.Stop();
        Console.WriteLine($"generated {brands.Count:N0} brands and {rows:N0} daily rows set-based in {generation.Elapsed.TotalSeconds:F1} s");

        var watch = Stopwatch.StartNew();
        var firstSummary = await evaluation.EvaluateAllAsync();
        var firstRun = watch.Elapsed;
        Console.WriteLine($"full recompute, first run: {firstRun.TotalSeconds:F2} s {firstSummary} phases (ms): {string.Join(", ", firstSummary.PhaseMilliseconds.Select(p => $"{p.Key} {p.Value:F0}"))}");
        var steady = new List<TimeSpan>();
        for (var i = 0; i < sizes.SteadyRuns; i++)
        {
            watch.Restart();
            var summary = await evaluation.EvaluateAllAsync();
            steady.Add(watch.Elapsed);
            Console.WriteLine($"full recompute, steady run {i + 1}: {watch.Elapsed.TotalSeconds:F2} s {summary} phases (ms): {string.Join(", ", summary.PhaseMilliseconds.Select(p => $"{p.Key} {p.Value:F0}"))}");
        }

        var ingestion = Services.GetRequiredService<MetricsIngestionService>();
        var incremental = new List<TimeSpan>();
        for (var i = 0; i < sizes.IncrementalWarmUp + sizes.IncrementalRuns; i++)
        {
            var day = first.AddDays(sizes.RecomputeDays + i);
            var touched = brands.OrderBy(_ => _random.Next()).Take(sizes.IncrementalBrands).Select(b => RandomRow(b.Code, day)).ToList();
            var outcome = await ingestion.IngestAsync(touched);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Incremental batch refused: {string.Join("; ", outcome.Errors.Take(3))}");
            }

            watch.Restart();
            var summary = await evaluation.EvaluatePendingAsync();
            var elapsed = watch.Elapsed;
            if (summary.Brands != sizes.IncrementalBrands)
            {
                throw new InvalidOperationException($"Expected {sizes.IncrementalBrands} brands evaluated, got {summary}.");
            }

            if (i >= sizes.IncrementalWarmUp)
            {
                incremental.Add(elapsed);
                foreach (var (phase, ms) in summary.PhaseMilliseconds)
                {
                    (IncrementalPhases.TryGetValue(phase, out var list) ? list : IncrementalPhases[phase] = []).Add(ms);
                }
            }
        }

        return (new RecomputeFigures(rows, generation.Elapsed, firstRun, firstSummary, steady), incremental);
    }

    // ---------------------------------------------------------------- set-based generation

    private Task<SqliteConnection> OpenRawAsync() => _factory.OpenRawAsync();

    /// <summary>Copies one brand made by EF (so every required column has the app's value) <paramref name="count"/> times in one INSERT ... SELECT.</summary>
    private async Task<List<(Guid Id, string Code)>> CreateBrandsAsync(string prefix, int count)
    {
        if (_template is null)
        {
            var factory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var template = new Brand { Code = "bench-template", NameZh = "基准品牌", NameEn = "Benchmark brand" };
            db.Brands.Add(template);
            await db.SaveChangesAsync();
            _template = template.Id;
        }

        await using var connection = await OpenRawAsync();
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
            insert.Parameters.AddWithValue("$template", _template.Value.ToString().ToUpperInvariant());
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
    private async Task<long> GenerateMetricsAsync(string prefix, DateOnly first, int days)
    {
        await using var connection = await OpenRawAsync();
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
        insert.Parameters.AddWithValue("$first", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        insert.Parameters.AddWithValue("$prefix", prefix);
        insert.Parameters.AddWithValue("$stamp", Instant.ConvertToProvider(DateTimeOffset.UtcNow)!);
        var rows = await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the figures are what matter.
        }
    }

    private sealed record Workload(IReadOnlyList<IReadOnlyList<MetricRowInput>> Inputs, IReadOnlyList<List<DailyMetric>> Entities, IReadOnlyList<string> Bodies)
    {
        public int RowCount => Inputs.Sum(b => b.Count);
    }
}
