using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Benchmarks;

/// <summary>One endpoint's figures under load.</summary>
internal sealed record LoadFigures(string Name, int Requests, double P50, double P95, double Max, double Rps, long Bytes);

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
