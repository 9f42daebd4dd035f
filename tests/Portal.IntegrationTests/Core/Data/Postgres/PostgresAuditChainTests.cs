using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Core.Features.Audit;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Data.Postgres;

/// <summary>
/// The audit chain and the test endpoints' reset on PostgreSQL: writers serialised by the advisory lock,
/// hashes over the instant as stored (microseconds), and the append-only rules back after a reset.
/// </summary>
[Trait("Kind", "Postgres")]
public sealed class PostgresAuditChainTests
{
    private static readonly Dictionary<string, string?> NoJobs = new() { ["Jobs:RunServer"] = "false" };

    [PostgresFact]
    public async Task AuditChain_ConcurrentWritersOnPostgres_MakeOneUnbrokenChain()
    {
        await using var app = PortalAppFactory.OnPostgres(settings: NoJobs);
        _ = app.Services;

        // Eight writers at once, each with its own contexts and connections, as requests and jobs on several nodes would.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => AppendAsync(app, 5))));

        var report = await app.WithDbAsync(db => AuditChainVerification.VerifyAsync(db));
        report.Broken.ShouldBeNull();
        var count = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        report.Checked.ShouldBe(count);
        (await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence))).ShouldBe(count);
    }

    [PostgresFact]
    public async Task AuditChain_OnPostgres_VerifiesAfterARestart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var first = PortalAppFactory.OnPostgres(database, NoJobs))
        {
            _ = first.Services;
            await AppendAsync(first, 3);
        }

        await using var second = PortalAppFactory.OnPostgres(database, NoJobs);
        var report = await second.WithDbAsync(db => AuditChainVerification.VerifyAsync(db));

        report.Intact.ShouldBeTrue();
        report.Checked.ShouldBeGreaterThanOrEqualTo(3);
    }

    [PostgresFact]
    public async Task TestingReset_OnPostgres_LeavesTheSeedAndRefusesAuditUpdates()
    {
        await using var app = PortalAppFactory.OnPostgres(settings: NoJobs);
        var before = await AppendAsync(app, 2);
        using var client = app.CreateClient();

        var reset = await client.PostAsync("/testing/reset", null);

        reset.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent, await reset.Content.ReadAsStringAsync());
        (await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => before.Contains(e.Id)))).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Brands.CountAsync())).ShouldBe(2, "the demo's two brands, seeded again");
        var after = (await AppendAsync(app, 1)).Single();
        var refused = await Should.ThrowAsync<PostgresException>(() => app.WithDbAsync(db =>
            db.AuditEntries.Where(e => e.Id == after).ExecuteUpdateAsync(set => set.SetProperty(e => e.ActorName, "someone else"))));
        refused.MessageText.ShouldContain("append-only");
#pragma warning disable EF1002 // Fixed test SQL.
        await Should.ThrowAsync<PostgresException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""TRUNCATE TABLE "AuditEntries" CASCADE""")));
#pragma warning restore EF1002
        (await app.WithDbAsync(db => AuditChainVerification.VerifyAsync(db))).Intact.ShouldBeTrue();
    }

    /// <summary>Appends <paramref name="count"/> entries, one SaveChanges each, at instants with sub-microsecond ticks; returns their ids.</summary>
    private static async Task<List<Guid>> AppendAsync(PortalAppFactory app, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry
            {
                At = app.Clock.GetUtcNow().AddTicks(1_234_567),
                ActorName = "chain test",
                EntityType = "Category",
                EntityKey = Guid.NewGuid().ToString(),
                Action = AuditAction.Modified,
                Changes = """{"NameEn":{"old":"a","new":"b"}}""",
            };
            await app.WithDbAsync(db => { db.AuditEntries.Add(entry); return db.SaveChangesAsync(); });
            ids.Add(entry.Id);
        }

        return ids;
    }
}
