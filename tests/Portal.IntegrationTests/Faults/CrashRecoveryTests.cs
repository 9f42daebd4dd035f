using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Email;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Faults;

/// <summary>
/// <c>kill -9</c> of the running portal (a child process on its own SQLite file) in the middle of work;
/// after a restart nothing acknowledged is lost or doubled and all pending work is done.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Kind", "Fault")]
[Trait("Engine", "Sqlite")]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int RowsPerBatch = 20;
    private static readonly DateOnly FirstDay = new(2001, 1, 1);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task KillDuringMetricsIngestion_EveryAcknowledgedRowIsThereOnce_AndPendingEvaluationCompletes()
    {
        var clock = Stopwatch.StartNew();
        await using var portal = new PortalProcess(_directory.Path);
        await portal.StartAsync();
        using var feed = await portal.FeedClientAsync();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();

        // Two feeds at once, each batch its own days (all before 2012); the kill lands while both are sending.
        var feeds = Enumerable.Range(0, 2).Select(f => Task.Run(async () =>
        {
            for (var batch = f * 200; !stop.IsCancellationRequested && batch < (f * 200) + 200; batch++)
            {
                try
                {
                    using var response = await feed.PutAsync("/api/v1/metrics/daily", Batch(batch));
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                    acknowledged.Add(batch);
                }
                catch (HttpRequestException)
                {
                    return; // the process died under the request: not acknowledged
                }
            }
        })).ToList();
        (await PortalProcess.EventuallyAsync(() => Task.FromResult(acknowledged.Count >= 10), TimeSpan.FromSeconds(20))).ShouldBeTrue();
        portal.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(feeds);

        await portal.StartAsync();

        var brandId = await Db(portal, db => db.Brands.Where(b => b.Code == DemoData.BrandCode).Select(b => b.Id).SingleAsync());
        var stored = await Db(portal, db => db.DailyMetrics.AsNoTracking().Where(m => m.BrandId == brandId && m.Date < new DateOnly(2020, 1, 1)).ToListAsync());
        var byDay = stored.GroupBy(m => m.Date).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var batch in acknowledged)
        {
            for (var row = 0; row < RowsPerBatch; row++)
            {
                var day = Day(batch, row);
                byDay.ShouldContainKey(day, $"batch {batch} was acknowledged");
                byDay[day].ShouldHaveSingleItem().Gmv.ShouldBe(Gmv(batch, row));
            }
        }

        (await PortalProcess.EventuallyAsync(() => Db(portal, db => db.PendingMetricsEvaluations.AnyAsync().ContinueWith(t => !t.Result)), TimeSpan.FromSeconds(30)))
            .ShouldBeTrue("the metrics evaluation pending at the kill ran after the restart");
        portal.Log.ShouldNotContain("database is locked", Case.Insensitive);
        output.WriteLine($"{acknowledged.Count} batches ({acknowledged.Count * RowsPerBatch} rows) acknowledged before the kill; {stored.Count} rows stored; {clock.Elapsed.TotalSeconds:0.0} s (starts: {string.Join(", ", portal.StartTimes.Select(t => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))} s)");
    }

    [Fact]
    public async Task KillDuringEmailSending_EveryPendingEmailIsSentAfterTheRestart()
    {
        const int Emails = 1500;
        var clock = Stopwatch.StartNew();
        await using var portal = new PortalProcess(_directory.Path);
        await using (var db = portal.Db())
        {
            await db.Database.MigrateAsync();
            db.OutgoingEmails.AddRange(Enumerable.Range(0, Emails).Select(i => new OutgoingEmail
            {
                Kind = EmailKind.Notification,
                To = $"crash-{i}@example.com",
                Subject = $"Crash test {i}",
                TextBody = "Sent once the portal is back.",
                CreatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        // The start-up reconciliation queues them all; the kill lands while the workers send.
        await portal.StartAsync();
        (await PortalProcess.EventuallyAsync(() => SentAsync(portal).ContinueWith(t => t.Result >= 20), TimeSpan.FromSeconds(30))).ShouldBeTrue();
        portal.Kill();
        var sentBeforeKill = await SentAsync(portal);
        sentBeforeKill.ShouldBeLessThan(Emails, "the kill came while e-mails were still pending");

        await portal.StartAsync();

        (await PortalProcess.EventuallyAsync(() => SentAsync(portal).ContinueWith(t => t.Result == Emails), TimeSpan.FromSeconds(40)))
            .ShouldBeTrue($"all {Emails} e-mails sent after the restart (sent before the kill: {sentBeforeKill})");
        var files = Directory.GetFiles(portal.MailFolder, "*.eml").Length;
        files.ShouldBeGreaterThanOrEqualTo(Emails);
        portal.Log.ShouldNotContain("database is locked", Case.Insensitive);
        output.WriteLine($"{sentBeforeKill} of {Emails} sent before the kill; {files} .eml files after (a mail in flight at the kill may go twice); {clock.Elapsed.TotalSeconds:0.0} s (starts: {string.Join(", ", portal.StartTimes.Select(t => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))} s)");
    }

    internal static StringContent Batch(int batch)
    {
        var rows = Enumerable.Range(0, RowsPerBatch).Select(row =>
            $$"""{"brand":"{{DemoData.BrandCode}}","date":"{{Day(batch, row):yyyy-MM-dd}}","gmv":{{Gmv(batch, row).ToString(CultureInfo.InvariantCulture)}},"orders":{{row + 1}}}""");
        return new StringContent($$"""{"rows":[{{string.Join(",", rows)}}]}""", Encoding.UTF8, "application/json");
    }

    private static DateOnly Day(int batch, int row) => FirstDay.AddDays((batch * RowsPerBatch) + row);

    private static decimal Gmv(int batch, int row) => (batch * 1000m) + row + 0.5m;

    private static Task<int> SentAsync(PortalProcess portal) =>
        Db(portal, db => db.OutgoingEmails.CountAsync(e => e.Status == EmailStatus.Sent && e.To.StartsWith("crash-")));

    private static async Task<T> Db<T>(PortalProcess portal, Func<Portal.Core.Data.PortalDbContext, Task<T>> read)
    {
        await using var db = portal.Db();
        return await read(db);
    }
}

/// <summary>The fault tests start real processes: one at a time, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}
