using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Faults;

/// <summary>Pages, API writes and jobs at once on one SQLite file: every request gets its answer and the log never says "database is locked".</summary>
[Collection(FaultCollection.Name)]
[Trait("Kind", "Fault")]
[Trait("Engine", "Sqlite")]
public sealed partial class MixedLoadTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task MixedLoad_PagesApiWritesAndJobs_NoFailureAndNoDatabaseLocked()
    {
        var clock = Stopwatch.StartNew();
        await using var portal = new PortalProcess(_directory.Path);
        await portal.StartAsync();
        using var feed = await portal.FeedClientAsync();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var counts = new int[3];
        using var stop = new CancellationTokenSource(LoadTime);

        // Each kind of request has the one answer it must get: a refusal (400, 401, a redirect to sign in) is a failure
        // too, or the load would not be the load this test says it is.
        async Task Loop(int kind, HttpStatusCode expected, Func<Task<HttpResponseMessage>> send)
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await send();
                if (response.StatusCode == expected)
                {
                    Interlocked.Increment(ref counts[kind]);
                }
                else
                {
                    failures.Add($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, not {(int)expected}");
                }
            }
        }

        using var admin = await SignedInAsync(portal, DemoData.AdminEmail);
        using var anonymous = CookieClient(portal);
        var batch = 0;
        await Task.WhenAll(
            // Pages: a signed-in admin's audit log and the staff home (database reads on prerender; "/" only redirects).
            Loop(0, HttpStatusCode.OK, () => admin.GetAsync("/admin/audit")),
            Loop(0, HttpStatusCode.OK, () => admin.GetAsync("/ops")),
            // API writes: metrics batches, each queueing a metrics evaluation job.
            Loop(1, HttpStatusCode.OK, () => feed.PutAsync("/api/v1/metrics/daily", CrashRecoveryTests.Batch(Interlocked.Increment(ref batch) % 150))),
            Loop(1, HttpStatusCode.OK, () => feed.PutAsync("/api/v1/metrics/daily", CrashRecoveryTests.Batch(150 + (Interlocked.Increment(ref batch) % 150)))),
            // Jobs: each password-reset request writes an e-mail row that a job sends.
            Loop(2, HttpStatusCode.Redirect, () => PostFormAsync(anonymous, "/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = DemoData.BrandManagerEmail })));

        failures.Take(10).ShouldBeEmpty($"{failures.Count} requests did not get their answer");
        portal.Log.ShouldNotContain("database is locked", Case.Insensitive);
        portal.Log.ShouldNotContain("SQLite Error 5", Case.Insensitive);
        counts.ShouldAllBe(c => c > 0);
        output.WriteLine($"{counts[0]} page GETs, {counts[1]} API batches, {counts[2]} e-mail-writing form posts in {LoadTime.TotalSeconds:0} s; {clock.Elapsed.TotalSeconds:0.0} s in all (start: {portal.StartTimes[0].TotalSeconds:0.0} s)");
    }

    private static HttpClient CookieClient(PortalProcess portal) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = portal.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<HttpClient> SignedInAsync(PortalProcess portal, string email)
    {
        var client = CookieClient(portal);
        using var response = await PostFormAsync(client, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "Portal!2026" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string form, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);
        fields["_handler"] = form;
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
