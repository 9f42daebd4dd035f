using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Benchmarks;

/// <summary>One endpoint's figures under load.</summary>
internal sealed record LoadFigures(string Name, int Requests, double P50, double P95, double Max, double Rps, long Bytes)
{
    /// <summary>How the endpoint was warmed before it was measured, and the JIT time spent while it was measured.</summary>
    public WarmUp? Warm { get; init; }
}

/// <summary>
/// A warm-up: <paramref name="Requests"/> unmeasured GETs over <paramref name="Elapsed"/>, <paramref name="Jit"/> of
/// compilation in them, and whether the JIT had gone quiet before the measured part started (<paramref name="Quiet"/>).
/// <paramref name="JitMeasured"/> is the compilation time while the endpoint was then measured.
/// </summary>
internal sealed record WarmUp(int Requests, TimeSpan Elapsed, TimeSpan Jit, bool Quiet, TimeSpan JitMeasured);

/// <summary>
/// The load side every HTTP benchmark shares: signing in through the real login form, and timing GETs from
/// concurrent workers (nearest-rank percentiles, requests per second, bytes per answer).
/// </summary>
internal static partial class LoadRunner
{
    /// <summary>A client with the person's cookie, signed in through the real login form over loopback.</summary>
    public static Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password) =>
        SignInAsync(baseAddress, email, password, new CookieContainer());

    /// <summary>Signs in through the login form and returns the Cookie header a browser would then send (circuit clients send it).</summary>
    public static async Task<string> CookieHeaderAsync(Uri baseAddress, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = await SignInAsync(baseAddress, email, password, cookies);
        return cookies.GetCookieHeader(baseAddress);
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password, CookieContainer cookies)
    {
        var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 64 };
        var client = new HttpClient(handler) { BaseAddress = baseAddress };
        var html = await client.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(html);
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary><paramref name="total"/> GETs of <paramref name="path"/> from <paramref name="concurrency"/> workers after <paramref name="warmUp"/> unmeasured ones.</summary>
    public static async Task<LoadFigures> MeasureAsync(HttpClient client, string name, string path, int concurrency, int warmUp, int total)
    {
        await RunAsync(client, path, concurrency, warmUp, null);
        return await MeasureWarmAsync(client, name, path, concurrency, total);
    }

    /// <summary>
    /// <paramref name="total"/> GETs of <paramref name="path"/> after warming it until the JIT has gone quiet
    /// (<see cref="WarmUntilJitQuietAsync"/>): the figures of a server that has run for a while, not of its first seconds.
    /// </summary>
    public static async Task<LoadFigures> MeasureSteadyAsync(HttpClient client, string name, string path, int concurrency, int round, int total)
    {
        var (requests, elapsed, jit, quiet) = await WarmUntilJitQuietAsync(client, path, concurrency, round);
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var figures = await MeasureWarmAsync(client, name, path, concurrency, total);
        return figures with { Warm = new WarmUp(requests, elapsed, jit, quiet, System.Runtime.JitInfo.GetCompilationTime() - jitBefore) };
    }

    /// <summary>
    /// Warms <paramref name="path"/> in rounds (at least <see cref="MinimumRound"/>, in batches of <paramref name="round"/> GETs)
    /// until two rounds in a row spent under <see cref="QuietShare"/> of their time compiling (the process-wide JIT time, which includes
    /// tiered compilation's background promotions), at most <see cref="MaxWarmUp"/>. With a fixed, short warm-up a page was measured while the runtime was still
    /// re-compiling its hot methods at tier 1: on 2026-12-04 the JIT was 17 % of the CPU samples of a measured page,
    /// and the same page answered 2.4 times the requests with tiered compilation off.
    /// </summary>
    public static async Task<(int Requests, TimeSpan Elapsed, TimeSpan Jit, bool Quiet)> WarmUntilJitQuietAsync(HttpClient client, string path, int concurrency, int round)
    {
        var watch = Stopwatch.StartNew();
        var start = System.Runtime.JitInfo.GetCompilationTime();
        var requests = 0;
        var quietRounds = 0;
        while (quietRounds < 2 && watch.Elapsed < MaxWarmUp)
        {
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var roundWatch = Stopwatch.StartNew();
            do
            {
                await RunAsync(client, path, concurrency, round, null);
                requests += round;
            }
            while (roundWatch.Elapsed < MinimumRound);

            var compiling = System.Runtime.JitInfo.GetCompilationTime() - jit;
            quietRounds = compiling.TotalMilliseconds <= QuietShare * roundWatch.Elapsed.TotalMilliseconds ? quietRounds + 1 : 0;
        }

        return (requests, watch.Elapsed, System.Runtime.JitInfo.GetCompilationTime() - start, quietRounds >= 2);
    }

    /// <summary>
    /// The share of a round's time the JIT may take and the round still count as quiet. Not zero: pages with MudBlazor
    /// inputs compile a few dynamic methods a second for as long as they are served (each input's default converter
    /// creates its parsers by reflection, whose cache a full collection drops), about 4 % of a round on /admin/users.
    /// </summary>
    public const double QuietShare = 0.05;

    /// <summary>A warm-up round lasts at least this long, so that tiered compilation's promotions (queued after a 100 ms quiet delay) land in it.</summary>
    public static readonly TimeSpan MinimumRound = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest a warm-up may take before the endpoint is measured anyway (and reported as not quiet); checked
    /// between rounds, so a warm-up may run one round over it. The 5 % share is JIT time over the round's wall-clock
    /// time (the JIT's threads summed), not a share of the cores.
    /// </summary>
    public static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    /// <summary><paramref name="total"/> GETs of <paramref name="path"/>, measured, with no warm-up of their own.</summary>
    public static async Task<LoadFigures> MeasureWarmAsync(HttpClient client, string name, string path, int concurrency, int total)
    {
        var latencies = new double[total];
        var watch = Stopwatch.StartNew();
        var bytes = await RunAsync(client, path, concurrency, total, latencies);
        var elapsed = watch.Elapsed;
        Array.Sort(latencies);
        return new LoadFigures(name, total, Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies[^1], total / elapsed.TotalSeconds, bytes / total);
    }

    /// <summary>
    /// Lets the process reach the state a running server is in before anything is measured: full collections
    /// until the finalizer queue is empty. Seeding and the first request of each page compile thousands of
    /// one-off expression trees; their dynamic methods are finalized lazily (a DynamicResolver, then a scout
    /// that re-registers itself), which took 13-17 % of both cores during the first measured pages of a profile.
    /// A server that has run for minutes has long finished that. Returns what it took.
    /// </summary>
    public static TimeSpan Settle()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return watch.Elapsed;
    }

    /// <summary>The machine's load average (1, 5, 15 min) where the system tells it: figures on a shared machine need it beside them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<long> RunAsync(HttpClient client, string path, int concurrency, int total, double[]? latencies)
    {
        var next = -1;
        long bytes = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= total)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                var body = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                }

                if (latencies is not null)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                Interlocked.Add(ref bytes, body.Length);
            }
        });
        await Task.WhenAll(workers);
        return bytes;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
