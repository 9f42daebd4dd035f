using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Data;

[Trait("Engine", "Sqlite")]
public sealed class SqliteConnectionTests
{
    [Fact]
    public async Task EveryConnection_UsesWalABusyTimeoutAndForeignKeys()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Database:BusyTimeoutMs"] = "4321" });

        var pragmas = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            async Task<string?> Read(string pragma)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                return (await command.ExecuteScalarAsync())?.ToString();
            }

            return (await Read("journal_mode"), await Read("busy_timeout"), await Read("foreign_keys"));
        });

        pragmas.ShouldBe(("wal", "4321", "1"));
    }

    [Fact]
    public async Task PooledConnection_OpenedAgain_KeepsThePragmasRunOnce()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Database:BusyTimeoutMs"] = "4321" });

        // The interceptor runs the PRAGMAs once per native connection; each context here gets a pooled one back.
        async Task<(object? Handle, string?, string?, string?)> ReadAsync() => await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            async Task<string?> Read(string pragma)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                return (await command.ExecuteScalarAsync())?.ToString();
            }

            var found = ((object?)connection.Handle, await Read("journal_mode"), await Read("busy_timeout"), await Read("foreign_keys"));
            await using (var change = connection.CreateCommand())
            {
                // A value the PRAGMAs would overwrite if they ran again on the next open of this native connection.
                change.CommandText = "PRAGMA busy_timeout = 1234;";
                await change.ExecuteNonQueryAsync();
            }

            await db.Database.CloseConnectionAsync();
            return found;
        });

        // Read until one native connection comes out a second time: the pool is a stack, but the host's own work (and
        // the pool's pruning) may take the top one in between, so the very next open is not always the same handle.
        var seen = new List<(object? Handle, string?, string?, string?)>();
        (object? Handle, string?, string?, string?) first = default, second = default;
        for (var i = 0; i < 20 && second.Handle is null; i++)
        {
            var read = await ReadAsync();
            var earlier = seen.FindIndex(s => ReferenceEquals(s.Handle, read.Handle));
            if (earlier >= 0)
            {
                (first, second) = (seen[earlier], read);
            }

            seen.Add(read);
        }

        second.Handle.ShouldNotBeNull("the pool handed a native connection out again");
        (first.Item2, first.Item3, first.Item4).ShouldBe(("wal", "4321", "1"), "the first open ran the PRAGMAs");
        (second.Item2, second.Item3, second.Item4).ShouldBe(("wal", "1234", "1"), "the second open did not run them again");
    }

    [Fact]
    public async Task Database_IsMigratedNotCreated_AndHasNoPendingMigrations()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var (applied, pending) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), (await db.Database.GetPendingMigrationsAsync()).ToList()));

        applied.ShouldNotBeEmpty();
        pending.ShouldBeEmpty();
    }
}
