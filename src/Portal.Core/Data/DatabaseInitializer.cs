using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Seeding;
using Portal.Core.Time;

namespace Portal.Core.Data;

/// <summary>Brings the database to the current migration and seeds it; and, for Development's test endpoints, wipes it.</summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Applies pending migrations (never EnsureCreated) and runs the seeder.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (db.Database.IsSqlite())
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw UnknownMigrationsException.For(db, unknown);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await AuditChain.SealUnsealedAsync(db, cancellationToken);

        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes every row of every table (the schema stays) but the data-protection keys (so cookies and
    /// tokens issued before stay readable), returns the clock to real time and seeds again. The audit
    /// trail's append-only rules are lifted for the wipe and put back, as they were, in the same transaction.
    /// </summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tables = db.Model.GetEntityTypes()
                .Where(t => t.GetTableName() is { } name && name != "DataProtectionKeys")
                .Select(t => t.GetSchema() is { } schema ? $"\"{schema}\".\"{t.GetTableName()}\"" : $"\"{t.GetTableName()}\"")
                .Distinct()
                .ToList();
            if (db.Database.IsSqlite())
            {
                await WipeSqliteAsync(db, tables, cancellationToken);
            }
            else
            {
                await WipePostgresAsync(db, tables, cancellationToken);
            }

            scope.ServiceProvider.GetRequiredService<PortalClock>().Reset();
        }

        logger.LogWarning("Database wiped for testing; seeding again");
        await InitializeAsync(cancellationToken);
    }

#pragma warning disable EF1002, EF1003 // Table and trigger names and SQL come from the model and the schema, not from input.
    /// <summary>SQLite: foreign keys off, the audit triggers dropped, every table emptied, the triggers created again as they were.</summary>
    private static async Task WipeSqliteAsync(PortalDbContext db, List<string> tables, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=OFF;", cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var triggers = await db.Database
                .SqlQueryRaw<AuditTrigger>("SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries'")
                .ToListAsync(cancellationToken);
            foreach (var trigger in triggers)
            {
                await db.Database.ExecuteSqlRawAsync($"DROP TRIGGER \"{trigger.Name}\";", cancellationToken);
            }

            foreach (var table in tables)
            {
                await db.Database.ExecuteSqlRawAsync($"DELETE FROM {table};", cancellationToken);
            }

            foreach (var trigger in triggers)
            {
                await db.Database.ExecuteSqlRawAsync(trigger.Sql + ";", cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=ON;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: one <c>TRUNCATE</c> of every table (foreign keys are satisfied, as every referencing table
    /// goes too). TRUNCATE skips the audit table's row triggers; its statement trigger (<c>TR_AuditEntries_NoTruncate</c>)
    /// is disabled only inside this transaction (ALTER TABLE is transactional: other sessions never see it off,
    /// they wait on the table's lock) and enabled again before the commit.
    /// </summary>
    private static async Task WipePostgresAsync(PortalDbContext db, List<string> tables, CancellationToken cancellationToken)
    {
        const string audit = "\"AuditEntries\"";
        const string guard = "\"" + AuditNoTruncateTrigger + "\"";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {audit} DISABLE TRIGGER {guard};", cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"TRUNCATE TABLE {string.Join(", ", tables)} RESTART IDENTITY;", cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"ALTER TABLE {audit} ENABLE TRIGGER {guard};", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
#pragma warning restore EF1002, EF1003

    /// <summary>The PostgreSQL trigger that refuses TRUNCATE on the audit trail (<c>PostgresSchemaExtras.AuditNoTruncateTrigger</c>, which Core does not reference).</summary>
    internal const string AuditNoTruncateTrigger = "TR_AuditEntries_NoTruncate";

    private sealed record AuditTrigger(string Name, string Sql);
}
