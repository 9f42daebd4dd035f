using System.Diagnostics;
using System.Globalization;

// End-to-end figures for the metrics feature, measured in one run on one temp SQLite file with the
// app's own connection settings, and the ingestion on PostgreSQL too when PORTAL_BENCH_POSTGRES names a server
// (`ingestion` measures only the ingestion, on both engines; `evaluation` only the recompute and the incremental evaluation). A plain Stopwatch harness (warm-up, then repeated runs, median):
// these are whole-pipeline timings of seconds, where BenchmarkDotNet's statistics add little.
namespace Portal.Benchmarks
{
    internal static class BenchmarkProgram
    {
        public static async Task<int> Main(string[] args)
        {
            var quick = args.Contains("--quick");
            if (args.FirstOrDefault() == "circuits-client")
            {
                return await CircuitsLoad.RunAsync(new Uri(args[1]), args[2], args[3]);
            }

            if (args.Contains("circuits"))
            {
                return await CircuitsBenchmark.RunAsync(args);
            }

            if (args.Contains("pages"))
            {
                return await PagesBenchmark.RunAsync(quick);
            }

            if (args.Contains("portfolio"))
            {
                var server = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
                return await PortfolioBenchmark.RunAsync(quick, server);
            }

            var sizes = quick ? BenchmarkSizes.Quick : BenchmarkSizes.Full;
            var started = Stopwatch.StartNew();
            Console.WriteLine($"Portal metrics benchmark ({(quick ? "quick" : "full")}{(args.Contains("evaluation") ? ", evaluation only" : "")}), {DateTime.Now:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine(sizes);

            await using var bench = await MetricsBench.StartAsync();
            Console.WriteLine($"database: {bench.DatabasePath}");

            var evaluationOnly = args.Contains("evaluation");
            var ingestion = evaluationOnly ? null : await bench.MeasureIngestionAsync(sizes);
            IReadOnlyDictionary<string, double>? postgres = null;
            if (!evaluationOnly && Environment.GetEnvironmentVariable(PostgresIngestionBench.Variable) is { Length: > 0 } postgresServer)
            {
                await using var postgresBench = await PostgresIngestionBench.StartAsync(postgresServer);
                postgres = await postgresBench.MeasureAsync(sizes);
            }

            var ingestionOnly = args.Contains("ingestion");
            var (recompute, incremental) = ingestionOnly ? (null!, []) : await bench.MeasureEvaluationAsync(sizes);

            if (ingestion is not null)
            {
                ReportIngestion(ingestion, postgres);
            }

            if (ingestionOnly)
            {
                Console.WriteLine($"total {started.Elapsed.TotalMinutes:F1} min");
                return 0;
            }

            Console.WriteLine();
            Console.WriteLine($"== Full recompute, {sizes.RecomputeBrands:N0} brands x {sizes.RecomputeDays} days ({recompute.Rows:N0} rows; generated in {recompute.Generation.TotalSeconds:F1} s) ==");
            Console.WriteLine($"first run (records milestones, tasks, tiers): {recompute.First.TotalSeconds,8:F2} s  {recompute.FirstSummary}");
            foreach (var (run, index) in recompute.Steady.Select((r, i) => (r, i)))
            {
                Console.WriteLine($"steady run {index + 1} (nothing new to record):         {run.TotalSeconds,8:F2} s");
            }

            var steadyMedian = Median(recompute.Steady.Select(t => t.TotalSeconds).ToList());
            Console.WriteLine($"steady median {steadyMedian:F2} s (target <= 5 s: {Verdict(steadyMedian <= 5)}); first run target <= 15 s (issue 17): {Verdict(recompute.First.TotalSeconds <= 15)}");

            Console.WriteLine();
            Console.WriteLine($"== Incremental evaluation, batches touching {sizes.IncrementalBrands} brands, {incremental.Count} measured ==");
            var sorted = incremental.Select(t => t.TotalMilliseconds).Order().ToList();
            var p50 = Percentile(sorted, 0.50);
            var p95 = Percentile(sorted, 0.95);
            Console.WriteLine($"p50 {p50:F1} ms, p95 {p95:F1} ms, max {sorted[^1]:F1} ms (target p95 <= 50 ms: {Verdict(p95 <= 50)})");
            Console.WriteLine("phases, median ms: " + string.Join(", ", bench.IncrementalPhases.Select(p => $"{p.Key} {Median(p.Value):F1}")));
            Console.WriteLine();
            Console.WriteLine($"total {started.Elapsed.TotalMinutes:F1} min");
            return 0;

            static void ReportIngestion(IngestionFigures ingestion, IReadOnlyDictionary<string, double>? postgres)
            {
                Console.WriteLine();
                Console.WriteLine("== Ingestion (rows/s, median of measured runs) ==");
                foreach (var (name, rate) in ingestion.Rates)
                {
                    Console.WriteLine($"{name,-28} {rate,12:N0} rows/s");
                }

                var raw = ingestion.Rates[MetricsIngestionPaths.RawPath];
                var ef = ingestion.Rates[MetricsIngestionPaths.EfPath];
                var service = ingestion.Rates[MetricsIngestionPaths.ServicePath];
                var http = ingestion.Rates[MetricsIngestionPaths.HttpPath];
                Console.WriteLine($"service / raw      = {service / raw,6:P0}   (target >= 30%: {Verdict(service / raw >= 0.30)})");
                Console.WriteLine($"service / EF       = {service / ef,6:F1}x   (target >= 5x: {Verdict(service / ef >= 5)})");
                Console.WriteLine($"HTTP / raw         = {http / raw,6:P0}");
                Console.WriteLine($"HTTP / EF          = {http / ef,6:F1}x");

                Console.WriteLine();
                Console.WriteLine("== Ingestion on PostgreSQL (rows/s, median of measured runs, same sizes) ==");
                if (postgres is null)
                {
                    Console.WriteLine($"skipped: set {PostgresIngestionBench.Variable} to a server's connection string (scripts/pg.sh starts one)");
                }
                else
                {
                    PostgresIngestionBench.Report(postgres);
                }
            }

            static string Verdict(bool met) => met ? "met" : "NOT met";

            static double Median(List<double> values) => Percentile(values.Order().ToList(), 0.5);

            static double Percentile(IReadOnlyList<double> sorted, double p)
            {
                // Nearest rank: the smallest value with at least p of the values at or below it.
                var rank = (int)Math.Ceiling(p * sorted.Count);
                return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
            }
        }
    }

    /// <summary>How much each measurement does; <c>--quick</c> picks the small set for a smoke run.</summary>
    internal sealed record BenchmarkSizes(
        int IngestRowsPerRun, int IngestDays, int BatchRows, int WarmUpRuns, int MeasuredRuns,
        int RecomputeBrands, int RecomputeDays, int SteadyRuns, int IncrementalBrands, int IncrementalWarmUp, int IncrementalRuns)
    {
        public static BenchmarkSizes Full { get; } = new(100_000, 100, 10_000, 1, 3, 100_000, 30, 3, 100, 5, 60);

        public static BenchmarkSizes Quick { get; } = new(10_000, 100, 5_000, 1, 2, 5_000, 30, 2, 100, 2, 20);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"ingestion: {IngestRowsPerRun:N0} rows per run in batches of {BatchRows:N0}, {WarmUpRuns} warm-up + {MeasuredRuns} measured runs per path; " +
            $"recompute: {RecomputeBrands:N0} brands x {RecomputeDays} days, 1 first + {SteadyRuns} steady runs; " +
            $"incremental: {IncrementalBrands} brands per batch, {IncrementalWarmUp} warm-up + {IncrementalRuns} measured");
    }
}
