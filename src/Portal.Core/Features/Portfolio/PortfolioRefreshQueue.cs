using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Work;

namespace Portal.Core.Features.Portfolio;

/// <summary>
/// The one way a <see cref="BrandPortfolioRow"/> becomes fresh: whatever changes what the portfolio shows writes a
/// <see cref="PendingPortfolioRefresh"/> for the brand in its own transaction (EF saves through
/// <see cref="PortfolioRefreshQueueing"/>, raw-SQL writers through <see cref="EnqueueAsync"/>) and, once committed,
/// asks <see cref="IWorkDispatcher.RefreshPortfolio"/>; one drain job (one at a time) then <see cref="DrainAsync">drains</see> the queue.
/// </summary>
public sealed class PortfolioRefreshQueue(IDbContextFactory<PortalDbContext> dbFactory, PortfolioRefresher refresher, ILogger<PortfolioRefreshQueue> logger)
{
    /// <summary>Raises <see cref="PortfolioVersion"/>: run inside the transaction of a change that can move a count or a category name.</summary>
    public const string RaiseVersionSql = """UPDATE "PortfolioVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1""";

    /// <summary>Queues every brand (parameter {0}: the stored instant queued at): an edit of what every brand is measured against.</summary>
    public const string QueueEveryBrandSql = """INSERT INTO "PendingPortfolioRefreshes" ("BrandId", "QueuedAt") SELECT "Id", {0} FROM "Brands" """;

    /// <summary>
    /// Queues these brands on a raw-SQL writer's connection, inside <paramref name="transaction"/> (the writer's own,
    /// so the queue row commits or rolls back with the change). The caller dispatches after its commit.
    /// </summary>
    public static async Task EnqueueAsync(DbConnection connection, DbTransaction? transaction, IEnumerable<Guid> brandIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = brandIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // PostgreSQL: a minimal stand-in (wt-pgmetrics) until the portfolio port's own version is merged.
        var values = StoredValues.For(connection);
        var source = values.IsPostgres ? "unnest(@ids) AS value" : "json_each(@ids)";
        await connection.ExecuteAsync(transaction, $"""INSERT INTO "PendingPortfolioRefreshes" ("BrandId", "QueuedAt") SELECT value, @at FROM {source}""",
            cancellationToken, ("@ids", values.KeyList(ids)), ("@at", values.Instant(now)));
    }

    /// <summary>
    /// Refreshes every brand queued up to now and deletes exactly the queue rows it read: a brand queued
    /// meanwhile keeps its row for the next run. When the platform day has changed since
    /// the rows were built (the GMV windows moved) it rebuilds every row instead: the daily run, a run after a stop
    /// over midnight or a moved clock. Idempotent: an empty queue on the same day does nothing, and a run that fails
    /// before the delete leaves the rows for the retry. Answers how many rows it refreshed.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        // The exact rows read, not an id watermark: on PostgreSQL a lower id can commit after a higher one is seen.
        List<(long Id, Guid BrandId)> queued;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            queued = (await db.PendingPortfolioRefreshes.Select(p => new { p.Id, p.BrandId }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.BrandId)).ToList();
        }

        var brands = queued.Select(q => q.BrandId).Distinct().ToList();
        var refreshed = await refresher.HasRowsFromAnEarlierDayAsync(cancellationToken)
            ? await refresher.RefreshAllAsync(cancellationToken)
            : await refresher.RefreshAsync(brands, cancellationToken);
        foreach (var chunk in queued.Select(q => q.Id).Chunk(5_000))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.PendingPortfolioRefreshes.Where(p => chunk.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        logger.LogDebug("Portfolio rows refreshed: {Count} ({Queued} brand(s) queued)", refreshed, brands.Count);
        return refreshed;
    }
}

/// <summary>
/// Queued brands still waiting after a restart (or a lost dispatch), and rows built on an earlier platform day
/// (stopped over midnight, a moved clock): one drain job takes them all.
/// </summary>
internal sealed class PendingPortfolioRefreshSource(IDbContextFactory<PortalDbContext> dbFactory, PortfolioRefresher refresher) : IPendingWorkSource
{
    public string Name => "portfolio refresh";

    public async Task<int> RedispatchAsync(IWorkDispatcher dispatcher, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        int count;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            count = await db.PendingPortfolioRefreshes.CountAsync(p => p.QueuedAt < createdBefore, cancellationToken);
        }

        if (await refresher.HasRowsFromAnEarlierDayAsync(cancellationToken))
        {
            count++;
        }

        if (count > 0)
        {
            dispatcher.RefreshPortfolio();
        }

        return count;
    }
}
