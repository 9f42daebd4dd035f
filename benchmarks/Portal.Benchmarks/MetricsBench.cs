using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Metrics;
using Portal.Core.Time;

namespace Portal.Benchmarks;

internal sealed record IngestionFigures(IReadOnlyDictionary<string, double> Rates);

internal sealed record RecomputeFigures(long Rows, TimeSpan Generation, TimeSpan First, MetricsEvaluationSummary FirstSummary, IReadOnlyList<TimeSpan> Steady);

/// <summary>
/// The metrics benchmark's run on one temp SQLite file behind the real web app: the ingestion rounds over
/// <see cref="MetricsIngestionPaths"/>, then the full recompute and the incremental evaluation. It owns what both
/// phases share (the host, the client holding the feed's token, one seeded random so every run draws the same
/// rows); the timed writes (<see cref="MetricsIngestionPaths"/>) and the set-based set-up (<see cref="MetricsBenchData"/>)
/// live in their own classes, so each file reads as one phase.
/// </summary>
internal sealed class MetricsBench : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly string _directory;
    private readonly BenchFactory _factory;
    private readonly HttpClient _client;
    private readonly MetricsIngestionPaths _paths;
    private readonly MetricsBenchData _data;
    private readonly Random _random = new(20261123);
    private int _prefix;

    private MetricsBench(string directory, BenchFactory factory, HttpClient client)
    {
        _directory = directory;
        _factory = factory;
        _client = client;
        _paths = new MetricsIngestionPaths(factory, client);
        _data = new MetricsBenchData(factory);
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
        var paths = _paths.All();
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
    private async Task<IngestionWorkload> WorkloadAsync(int brandCount, int days, int batchRows)
    {
        var brands = await _data.CreateBrandsAsync($"ing{++_prefix}", brandCount);
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
        return new IngestionWorkload(
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
        var brands = await _data.CreateBrandsAsync("rc", sizes.RecomputeBrands);
        var rows = await _data.GenerateMetricsAsync("rc", first, sizes.RecomputeDays);
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
}
