using System.Diagnostics;
using System.Globalization;
using System.Net;
using Portal.Core.Features.Seeding;

namespace Portal.Benchmarks;

/// <summary>
/// Every main page under load (<c>-- pages [--quick]</c>): the real app on Kestrel over loopback with the demo data and a
/// seeded portfolio, one client signed in per role (brand manager, staff, admin, service provider), each page checked for
/// its content first, then 16 concurrent clients asking for the static file /css/app.css (the baseline) and each page.
/// Target per page: p95 at most 3 times the static file's, and at least 30 % of its throughput.
/// </summary>
internal static class PagesBenchmark
{
    private const int Concurrency = 16;
    private const double P95Factor = 3.0;
    private const double RpsShare = 0.30;
    private const string Password = "Portal!2026"; // SeedOptions.DemoPassword's default

    /// <summary>A page to measure: who asks, where, and a piece of markup only the right page holds.</summary>
    private sealed record PageCase(string Role, string Path, string Expected, bool Judged = true);

    /// <summary>
    /// Not one of the issue's pages: the portal's frame (layout, navigation, bell, brand switcher) around a page of
    /// two lines, as the brand manager. What any page costs before its own content, measured beside the others.
    /// </summary>
    private static readonly PageCase Floor = new("brand", "/not-found", "data-testid=\"brand-switcher\"", Judged: false);

    private static readonly PageCase[] Pages =
    [
        new("brand", "/brand", "data-testid=\"brand-overview\""),
        new("brand", "/brands/demo-tea/journey", "data-testid=\"journey-task-"),
        new("brand", "/brands/demo-tea/documents", "data-testid=\"requirements\""),
        new("brand", "/brands/demo-tea/dashboard", "data-testid=\"milestones\""),
        new("brand", "/brands/demo-tea/streams", "data-testid=\"streams-list\""),
        new("staff", "/ops", "data-testid=\"ops-queues\""),
        new("staff", "/ops/portfolio", "data-testid=\"portfolio-grid\""),
        new("staff", "/ops/brands/demo-tea", "data-testid=\"internal-notes\""),
        new("staff", "/ops/documents", "data-testid=\"queue-brand\""),
        new("admin", "/admin/users", "admin@demo.test"),
        new("provider", "/provider", "data-testid=\"provider-brand\""),
        new("provider", "/provider/scorecard", "data-testid=\"scorecard-level\""),
    ];

    public static async Task<int> RunAsync(bool quick)
    {
        var brands = quick ? 2_000 : 10_000;
        var total = quick ? 200 : 1_000;
        var warmUp = quick ? 40 : 200;
        var started = Stopwatch.StartNew();
        Console.WriteLine($"Portal pages benchmark ({(quick ? "quick" : "full")}) on SQLite, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, load {LoadRunner.LoadAverage()}");
        Console.WriteLine($"{brands:N0} portfolio brands, {Concurrency} concurrent clients, warm-up in rounds of {warmUp} until the JIT is quiet + {total} measured requests per page, Kestrel on loopback");

        await using var bench = await PortfolioBench.StartAsync();
        var (seed, refresh, _) = await bench.SeedAsync(brands);
        Console.WriteLine($"app at {bench.BaseAddress}; seeded in {seed.TotalSeconds:F1} s, portfolio rebuilt in {refresh.TotalSeconds:F1} s");

        var clients = new Dictionary<string, HttpClient>
        {
            ["brand"] = await bench.SignInAsync(DemoData.BrandManagerEmail, Password),
            ["staff"] = await bench.SignInAsync(DemoData.OperatorEmail, Password),
            ["admin"] = await bench.SignInAsync(DemoData.AdminEmail, Password),
            ["provider"] = await bench.SignInAsync(DemoData.ProviderManagerEmail, Password),
        };
        try
        {
            await CheckAsync(clients);
            Console.WriteLine($"settled (full collections until no finalizer is pending) in {LoadRunner.Settle().TotalMilliseconds:F0} ms");
            var figures = new List<(PageCase Page, LoadFigures Static, LoadFigures Figures)>();
            // PORTAL_BENCH_PAGES=/ops,/brand measures only those (for a profiler run); the check still covers every page.
            var only = Environment.GetEnvironmentVariable("PORTAL_BENCH_PAGES")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
            foreach (var page in Pages.Append(Floor).Where(p => only is null || only.Contains(p.Path)))
            {
                // The static file right before each page, as the same person: on a shared machine the load moves within
                // a run, so each page is judged against the baseline measured next to it.
                // The page is warmed until the JIT has gone quiet (LoadRunner.WarmUntilJitQuietAsync, in rounds of warmUp
                // GETs), then the static file (warmed the same way) and the page are measured back to back.
                var warm = await LoadRunner.WarmUntilJitQuietAsync(clients[page.Role], page.Path, Concurrency, warmUp);
                var baseline = await LoadRunner.MeasureSteadyAsync(clients[page.Role], "static /css/app.css", "/css/app.css", Concurrency, warmUp, total);
                using var compiled = new DynamicMethodCounter();
                var finalizer = FinalizerThread.CpuTime();
                var jit = System.Runtime.JitInfo.GetCompilationTime();
                var measured = await LoadRunner.MeasureWarmAsync(clients[page.Role], page.Path, page.Path, Concurrency, total);
                measured = measured with { Warm = new WarmUp(warm.Requests, warm.Elapsed, warm.Jit, warm.Quiet, System.Runtime.JitInfo.GetCompilationTime() - jit) };
                figures.Add((page, baseline, measured));
                Console.WriteLine($"    {page.Path}: {Describe(measured.Warm)}; static file {Describe(baseline.Warm)}");
                Console.WriteLine($"    {page.Path}: {compiled.Count} dynamic methods compiled while measured, finalizer thread {(FinalizerThread.CpuTime() - finalizer).TotalSeconds:F2} s CPU");
            }

            Report(figures);
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        Console.WriteLine($"total {started.Elapsed.TotalMinutes:F1} min, load {LoadRunner.LoadAverage()}");
        return 0;
    }

    /// <summary>Each page must answer 200 with its own content (not the login page, not access denied); stops the run loudly otherwise.</summary>
    private static async Task CheckAsync(Dictionary<string, HttpClient> clients)
    {
        var dump = Environment.GetEnvironmentVariable("PORTAL_BENCH_DUMP");
        var failures = new List<string>();
        using var sql = new SqlCounter { Log = Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1" };
        using var subscription = DiagnosticListener.AllListeners.Subscribe(sql);
        // EF Core re-checks whether anyone listens for executed commands at most once a second (its logging cache,
        // kept by pooled contexts across leases); without the wait the first page's commands went uncounted.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        foreach (var page in Pages.Append(Floor))
        {
            var before = sql.Now;
            using var response = await clients[page.Role].GetAsync(page.Path);
            var html = await response.Content.ReadAsStringAsync();
            if (dump is { Length: > 0 })
            {
                Directory.CreateDirectory(dump);
                await File.WriteAllTextAsync(Path.Combine(dump, page.Path.Trim('/').Replace('/', '_') + ".html"), html);
            }

            var after = sql.Now;
            Console.WriteLine($"{page.Path,-28} {page.Role,-8} {after.Commands - before.Commands,3} SQL commands, {after.Opens - before.Opens,3} connection opens, {html.Length,8:N0} chars");
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains(page.Expected, StringComparison.Ordinal))
            {
                failures.Add(
                    $"{page.Path} as {page.Role}: {(int)response.StatusCode} {response.Headers.Location}, expected content \"{page.Expected}\" {(html.Contains(page.Expected, StringComparison.Ordinal) ? "found" : "missing")}");
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidOperationException("pages without their content:\n" + string.Join('\n', failures));
        }

        Console.WriteLine($"checked {Pages.Length} pages and the frame alone ({Floor.Path}): each answered 200 with its content");
    }

    private static string Describe(WarmUp? warm) => warm is null ? "not warmed" : string.Create(CultureInfo.InvariantCulture,
        $"warmed {warm.Requests:N0} GETs in {warm.Elapsed.TotalSeconds:F1} s (JIT {warm.Jit.TotalMilliseconds:F0} ms, {(warm.Quiet ? "then quiet" : "NOT QUIET at the limit")}), JIT while measured {warm.JitMeasured.TotalMilliseconds:F0} ms");

    private static void Report(List<(PageCase Page, LoadFigures Static, LoadFigures Figures)> figures)
    {
        Console.WriteLine();
        Console.WriteLine($"{"page",-28} {"as",-8} {"p50 ms",7} {"p95 ms",7} {"max ms",7} {"req/s",6} {"bytes",7} | {"static p95",10} {"req/s",6} | {"p95 x",6} {"rps %",6}  verdict (p95 <= {P95Factor}x static, rps >= {RpsShare:P0} static)");
        var met = 0;
        foreach (var (page, baseline, f) in figures)
        {
            var p95Met = f.P95 <= P95Factor * baseline.P95;
            var rpsMet = f.Rps >= RpsShare * baseline.Rps;
            met += page.Judged && p95Met && rpsMet ? 1 : 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{page.Path,-28} {page.Role,-8} {f.P50,7:F1} {f.P95,7:F1} {f.Max,7:F1} {f.Rps,6:F0} {f.Bytes,7:N0} | {baseline.P95,10:F1} {baseline.Rps,6:F0} | {f.P95 / baseline.P95,5:F1}x {f.Rps / baseline.Rps,6:P0}  p95 {(p95Met ? "met" : "NOT met")}, rps {(rpsMet ? "met" : "NOT met")}{(f.Warm is { Quiet: false } || baseline.Warm is { Quiet: false } ? " (warm-up NOT quiet)" : "")}{(page.Judged ? "" : " (the frame alone, not judged)")}"));
        }

        Console.WriteLine($"{met} of {figures.Count(f => f.Page.Judged)} pages meet both targets");
        Console.WriteLine();
    }
}
