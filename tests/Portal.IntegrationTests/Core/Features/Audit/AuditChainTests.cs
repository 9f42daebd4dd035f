using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Audit;

/// <summary>The audit trail is append-only in the database and chained by hashes; tampering shows at the entry that was touched.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public Task InitializeAsync()
    {
        _ = _app.Services;
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Update_OfAnAuditEntry_IsRefusedByTheDatabase()
    {
        var id = (await AppendAsync(1)).Single();

        var refused = await Should.ThrowAsync<SqliteException>(() => _app.WithDbAsync(db =>
            db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(set => set.SetProperty(e => e.ActorName, "someone else"))));

        refused.Message.ShouldContain("append-only: an audit entry cannot be changed");
        (await EntryAsync(id)).ActorName.ShouldBe("chain test");
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Delete_OfAnAuditEntry_IsRefusedByTheDatabase()
    {
        var id = (await AppendAsync(1)).Single();

        var refused = await Should.ThrowAsync<SqliteException>(() => _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == id).ExecuteDeleteAsync()));

        refused.Message.ShouldContain("append-only: an audit entry cannot be deleted");
        (await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Id == id))).ShouldBeTrue();
    }

    [Fact]
    public async Task Verify_FreshChainWrittenByConcurrentWriters_IsIntactWithoutGapsOrForks()
    {
        // Eight writers at once, each with its own context, as requests and jobs would.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AppendAsync(5)));

        var report = await VerifyAsync();

        report.Broken.ShouldBeNull();
        var count = await _app.WithDbAsync(db => db.AuditEntries.CountAsync());
        report.Checked.ShouldBe(count);
        (await _app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence))).ShouldBe(count);
    }

    [Fact]
    public async Task Verify_AsAdmin_ReportsTheWholeChainIntact()
    {
        await AppendAsync(3);
        var admin = await _app.PrincipalAsync(DemoData.AdminEmail);

        var outcome = await _app.Services.GetRequiredService<AuditChainVerification>().VerifyAsync(admin);

        outcome.Succeeded.ShouldBeTrue();
        outcome.Value!.Intact.ShouldBeTrue();
        outcome.Value.Checked.ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Verify_ByAStaffMemberWhoIsNotAdmin_IsRefused()
    {
        var staff = await _app.PrincipalAsync(DemoData.OperatorEmail);

        var outcome = await _app.Services.GetRequiredService<AuditChainVerification>().VerifyAsync(staff);

        outcome.Succeeded.ShouldBeFalse();
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Verify_AfterAnEntryWasChangedBehindTheTriggersBack_BreaksAtThatEntry()
    {
        var ids = await AppendAsync(5);
        var target = await EntryAsync(ids[2]);
        await RawAsync("""DROP TRIGGER "TR_AuditEntries_NoUpdate";""");
        await RawAsync($"""UPDATE "AuditEntries" SET "Changes" = 'tampered' WHERE "Sequence" = {target.Sequence};""");

        var report = await VerifyAsync();

        report.Broken.ShouldNotBeNull();
        report.Broken.Sequence.ShouldBe(target.Sequence);
        report.Broken.Id.ShouldBe(target.Id);
        report.Broken.Reason.ShouldBe(ChainBreak.Altered);
        report.Checked.ShouldBe(target.Sequence - 1);
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Verify_AfterAnEntryWasDeletedBehindTheTriggersBack_BreaksAtTheEntryAfterIt()
    {
        var ids = await AppendAsync(5);
        var removed = await EntryAsync(ids[1]);
        await RawAsync("""DROP TRIGGER "TR_AuditEntries_NoDelete";""");
        await RawAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" = {removed.Sequence};""");

        var report = await VerifyAsync();

        report.Broken.ShouldNotBeNull();
        report.Broken.Sequence.ShouldBe(removed.Sequence + 1);
        report.Broken.Reason.ShouldBe(ChainBreak.Gap);
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Verify_AfterAnEntryWasRehashedButNotItsSuccessor_BreaksAtTheSuccessor()
    {
        // A forger who changes an entry and recomputes its own hash still breaks the next link.
        var ids = await AppendAsync(4);
        var forged = await EntryAsync(ids[1]);
        forged.ActorName = "forger";
        var previousHash = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Sequence == forged.Sequence - 1).Select(e => e.Hash).SingleAsync());
        var hash = AuditChain.HashOf(forged, previousHash);
        await RawAsync("""DROP TRIGGER "TR_AuditEntries_NoUpdate";""");
        await RawAsync($"""UPDATE "AuditEntries" SET "ActorName" = 'forger', "Hash" = '{hash}' WHERE "Sequence" = {forged.Sequence};""");

        var report = await VerifyAsync();

        report.Broken.ShouldNotBeNull();
        report.Broken.Sequence.ShouldBe(forged.Sequence + 1);
        report.Broken.Reason.ShouldBe(ChainBreak.Altered);
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Start_WithEntriesWrittenBeforeTheChain_SealsThemOnce_AndTheTriggerAllowsNothingElse()
    {
        await AppendAsync(2);
        var tip = await _app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));
        // An entry written before the chain existed: a position, no hash.
        await RawAsync($"""
            INSERT INTO "AuditEntries" ("Id", "Sequence", "Hash", "At", "ActorName", "EntityType", "EntityKey", "Action", "Changes")
            VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', {tip + 1}, '', 0, 'legacy', 'Category', 'k', 'Added', '[]');
            """);
        (await VerifyAsync()).Broken.ShouldNotBeNull();
        await Should.ThrowAsync<SqliteException>(() => RawAsync($"""UPDATE "AuditEntries" SET "Hash" = '{new string('a', 64)}', "ActorName" = 'x' WHERE "Sequence" = {tip + 1};"""));

        await _app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

        (await VerifyAsync()).Intact.ShouldBeTrue();
        await Should.ThrowAsync<SqliteException>(() => RawAsync($"""UPDATE "AuditEntries" SET "Hash" = '{new string('a', 64)}' WHERE "Sequence" = {tip + 1};"""));
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task TestingReset_WipesTheTrail_AndLeavesItAppendOnlyAndChained()
    {
        var before = await AppendAsync(3);
        using var client = _app.CreateClient();

        var reset = await client.PostAsync("/testing/reset", null);

        reset.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent);
        (await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => before.Contains(e.Id)))).ShouldBeFalse();
        var triggers = await _app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries' ORDER BY name").ToListAsync());
        triggers.ShouldBe(["TR_AuditEntries_NoDelete", "TR_AuditEntries_NoUpdate"]);
        var after = (await AppendAsync(2)).Last();
        await Should.ThrowAsync<SqliteException>(() => _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == after).ExecuteDeleteAsync()));
        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    /// <summary>Appends <paramref name="count"/> entries, one SaveChanges each; returns their ids in order.</summary>
    private async Task<List<Guid>> AppendAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var entry = new AuditEntry
            {
                At = _app.Clock.GetUtcNow(),
                ActorName = "chain test",
                EntityType = "Category",
                EntityKey = Guid.NewGuid().ToString(),
                Action = AuditAction.Modified,
                Changes = """{"NameEn":{"old":"a","new":"b"}}""",
            };
            await _app.WithDbAsync(db => { db.AuditEntries.Add(entry); return db.SaveChangesAsync(); });
            ids.Add(entry.Id);
        }

        return ids;
    }

    private Task<AuditEntry> EntryAsync(Guid id) => _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id));

    private Task<AuditChainReport> VerifyAsync() => _app.WithDbAsync(db => AuditChainVerification.VerifyAsync(db));

#pragma warning disable EF1002 // Test SQL built from numbers and hashes the test computed.
    private Task RawAsync(string sql) => _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));
#pragma warning restore EF1002
}
