using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(cancellationToken);
    }

    /// <summary>Deletes every row of every table (the schema stays), returns the clock to real time and seeds again.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var tables = db.Model.GetEntityTypes()
                .Select(t => t.GetTableName())
                .OfType<string>()
                .Distinct()
                .ToList();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=OFF;", cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var table in tables)
                {
#pragma warning disable EF1002 // Table names come from the model, not from input.
                    await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\";", cancellationToken);
#pragma warning restore EF1002
                }

                await transaction.CommitAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys=ON;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            scope.ServiceProvider.GetRequiredService<PortalClock>().Reset();
        }

        logger.LogWarning("Database wiped for testing; seeding again");
        await InitializeAsync(cancellationToken);
    }
}
