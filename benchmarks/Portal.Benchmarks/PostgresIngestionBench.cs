using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.Core.Time;

namespace Portal.Benchmarks;

/// <summary>
/// Ingestion on PostgreSQL beside its own baseline, in the same run: the real app on a new database of the server
/// given (<c>PORTAL_BENCH_POSTGRES</c>, e.g. from <c>scripts/pg.sh</c>), <see cref="MetricsIngestionService"/>
/// against a raw binary COPY of the same rows into the table it writes, <c>"DailyMetrics"</c> (for brands of
/// their own, so nothing conflicts: the key, the date index and the foreign key paid as the service pays them),
/// the baseline its target is judged against; and, as a second reference, the same COPY into a plain table
/// (no key, no index, no foreign key): the most PostgreSQL can take in.
/// </summary>
internal sealed class PostgresIngestionBench : IAsyncDisposable
{
    public const string Variable = "PORTAL_BENCH_POSTGRES";

    private const string CopyPath = "PostgreSQL raw COPY into DailyMetrics";
    private const string PlainCopyPath = "PostgreSQL raw COPY into plain table";
    private const string ServicePath = "PostgreSQL MetricsIngestionService";

    private static readonly string[] Columns =
    [
        "BrandId", "Date", "Gmv", "Orders", "PaidOrders", "Streams", "LiveMinutes", "PeakViewers", "NewFans", "Fans",
        "FanGroupMembers", "RepurchaseRate", "DistributionGmv", "Influencers", "AdSpend", "AdGmv", "ExclusiveSkus", "UpdatedAt",
    ];

    private readonly string _server;
    private readonly string _database;
    private readonly BenchFactory _factory;
    private readonly string _directory;
    private readonly Random _random = new(20261204);
    private int _prefix;

    private PostgresIngestionBench(string server, string database, BenchFactory factory, string directory)
    {
        _server = server;
        _database = database;
        _factory = factory;
        _directory = directory;
    }

    private IServiceProvider Services => _factory.Services;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;

    /// <summary>A new database on <paramref name="server"/> and the app migrated and seeded on it.</summary>
    public static async Task<PostgresIngestionBench> StartAsync(string server)
    {
        var database = $"portal_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var directory = Directory.CreateTempSubdirectory("portal-bench-pg-").FullName;
        var factory = new BenchFactory(Path.Combine(directory, "unused.db"), Path.Combine(directory, "mail"), new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
            // The demo's own figures and their evaluation need the journey's PostgreSQL port; this measures ingestion only.
            ["Seed:DemoBrandFigures"] = "false",
            ["Seed:DemoBrandCount"] = "0",
            ["Metrics:RequestsPerMinutePerClient"] = "1000000",
        });
        _ = factory.Services; // starts the host: migrations and the demo seed
        var bench = new PostgresIngestionBench(server, database, factory, directory);
        await using var connection = new NpgsqlConnection(bench.ConnectionString);
        await connection.OpenAsync();
        await using var table = new NpgsqlCommand("""CREATE TABLE bench_copy (LIKE "DailyMetrics")""", connection);
        await table.ExecuteNonQueryAsync();
        return bench;
    }

    /// <summary>Round robin per run (order alternating), fresh brands each run; answers the median rows/s of each path.</summary>
    public async Task<IReadOnlyDictionary<string, double>> MeasureAsync(BenchmarkSizes sizes)
    {
        var rates = new Dictionary<string, List<double>> { [CopyPath] = [], [PlainCopyPath] = [], [ServicePath] = [] };
        var brandsPerRun = Math.Max(1, sizes.IngestRowsPerRun / sizes.IngestDays);
        for (var run = 0; run < sizes.WarmUpRuns + sizes.MeasuredRuns; run++)
        {
            var warmUp = run < sizes.WarmUpRuns;
            var (rows, entities, copies) = await WorkloadAsync(warmUp ? Math.Max(1, brandsPerRun / 10) : brandsPerRun, sizes.IngestDays);
            var batches = rows.Chunk(sizes.BatchRows).ToList();
            var paths = new (string Name, Func<Task> Run)[]
            {
                (CopyPath, () => CopyAsync("\"DailyMetrics\"", copies.Chunk(sizes.BatchRows))),
                (PlainCopyPath, () => CopyAsync("bench_copy", entities.Chunk(sizes.BatchRows))),
                (ServicePath, () => ServiceAsync(batches)),
            };
            // Each path goes first once in three runs.
            foreach (var (name, measure) in paths.Skip(run % paths.Length).Concat(paths.Take(run % paths.Length)))
            {
                var watch = Stopwatch.StartNew();
                await measure();
                watch.Stop();
                var rate = rows.Count / watch.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(warmUp ? "warm-up " : "run ")}{run - sizes.WarmUpRuns + 1,-3} {name,-36} {rows.Count,9:N0} rows {watch.Elapsed.TotalSeconds,7:F2} s {rate,10:N0} rows/s"));
                if (!warmUp)
                {
                    rates[name].Add(rate);
                }
            }
        }

        return rates.ToDictionary(r => r.Key, r => r.Value.Order().ElementAt(r.Value.Count / 2));
    }

    public static void Report(IReadOnlyDictionary<string, double> rates)
    {
        foreach (var (name, rate) in rates)
        {
            Console.WriteLine($"{name,-36} {rate,12:N0} rows/s");
        }

        var share = rates[ServicePath] / rates[CopyPath];
        Console.WriteLine($"service / raw COPY into DailyMetrics = {share,6:P0}   (target >= 50%: {(share >= 0.5 ? "met" : "NOT met")})");
        Console.WriteLine($"service / raw COPY into plain table  = {rates[ServicePath] / rates[PlainCopyPath],6:P0}   (reference)");
        Console.WriteLine($"COPY into DailyMetrics / plain table = {rates[CopyPath] / rates[PlainCopyPath],6:P0}   (what the key, index and foreign key cost)");
    }

    /// <summary>
    /// A run's rows: as the service's input, the same in storage units (the plain table's COPY), and the same figures
    /// for a second set of new brands (the COPY into <c>"DailyMetrics"</c>, which must not meet the service's keys).
    /// </summary>
    private async Task<(List<MetricRowInput> Rows, List<DailyMetric> Entities, List<DailyMetric> Copies)> WorkloadAsync(int brandCount, int days)
    {
        var prefix = $"pging{++_prefix}";
        var brands = NewBrands(prefix, brandCount);
        var copyBrands = NewBrands($"{prefix}c", brandCount);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Brands.AddRange(brands);
            db.Brands.AddRange(copyBrands);
            await db.SaveChangesAsync();
        }

        var today = PlatformTime.DayOf(Services.GetRequiredService<PortalClock>().GetUtcNow());
        var rows = new List<MetricRowInput>(brandCount * days);
        var entities = new List<DailyMetric>(brandCount * days);
        var copies = new List<DailyMetric>(brandCount * days);
        foreach (var (brand, copyBrand) in brands.Zip(copyBrands))
        {
            for (var d = 0; d < days; d++)
            {
                var date = today.AddDays(d - days);
                var row = RandomRow(brand.Code, date);
                rows.Add(row);
                entities.Add(DailyMetric.From(row, brand.Id, date));
                copies.Add(DailyMetric.From(row, copyBrand.Id, date));
            }
        }

        return (rows, entities, copies);
    }

    private static List<Brand> NewBrands(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => new Brand { Code = $"{prefix}-{i}", NameZh = "基准品牌", NameEn = "Benchmark brand" }).ToList();

    private MetricRowInput RandomRow(string brand, DateOnly date) => BenchRows.Random(_random, brand, date);

    /// <summary>A baseline: each batch in its own transaction, one binary COPY of the rows in storage units into <paramref name="table"/>, nothing else.</summary>
    private async Task CopyAsync(string table, IEnumerable<DailyMetric[]> batches)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var stamp = DateTimeOffset.UtcNow;
        foreach (var batch in batches)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in batch)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(row.BrandId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(row.Date, NpgsqlDbType.Date);
                    foreach (var value in new[]
                    {
                        Fen(row.Gmv), row.Orders, row.PaidOrders, row.Streams, row.LiveMinutes, row.PeakViewers, row.NewFans, row.Fans,
                        row.FanGroupMembers, row.RepurchaseRate is { } rate ? StoredValues.Rate(rate) : null, Fen(row.DistributionGmv),
                        row.Influencers, Fen(row.AdSpend), Fen(row.AdGmv), row.ExclusiveSkus,
                    })
                    {
                        if (value is { } v)
                        {
                            await writer.WriteAsync(v, NpgsqlDbType.Bigint);
                        }
                        else
                        {
                            await writer.WriteNullAsync();
                        }
                    }

                    await writer.WriteAsync(stamp, NpgsqlDbType.TimestampTz);
                }

                await writer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }
    }

    private static long? Fen(decimal? yuan) => yuan is { } value ? StoredValues.Fen(value) : null;

    private async Task ServiceAsync(IEnumerable<MetricRowInput[]> batches)
    {
        var service = Services.GetRequiredService<MetricsIngestionService>();
        foreach (var batch in batches)
        {
            var outcome = await service.IngestAsync(batch);
            if (outcome.Result is not { } result || result.Inserted != batch.Length)
            {
                throw new InvalidOperationException($"The service refused a batch: {string.Join("; ", outcome.Errors.Take(3))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(_server))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
