using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;

namespace Portal.Core.Features.Portfolio;

/// <summary>
/// Rebuilds <see cref="BrandPortfolioRow"/>s, set-based: a handful of grouped queries per chunk of
/// brands (never one query per brand), compliance through the same <see cref="RequirementEvaluator"/>
/// the checklist uses, then one delete and a prepared insert (on PostgreSQL one insert of unnested arrays) in a
/// transaction that also raises
/// <see cref="PortfolioVersion"/> (the cached counts follow). Idempotent. The brand's own columns (code, names, tier,
/// status, manager and its name, category ids, creation time) are copied from <c>Brands</c> inside the insert, so a
/// brand deleted meanwhile gets no row. Run for queued brands by <see cref="PortfolioRefreshQueue"/>, for all daily.
/// </summary>
public sealed class PortfolioRefresher(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<PortfolioRefresher> logger)
{
    private const int ChunkSize = 2_000;

    /// <summary>Rebuilds every brand's row; answers how many rows were written.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken = default)
    {
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Brands.Select(b => b.Id).ToListAsync(cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        var written = 0;
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            written += await RefreshChunkAsync(chunk, cancellationToken);
        }

        logger.LogInformation("Portfolio rows rebuilt for {Count} brand(s) in {Elapsed} ms", written, watch.ElapsedMilliseconds);
        return written;
    }

    /// <summary>Whether a row was built on an earlier platform day: its GMV windows have moved since.</summary>
    public async Task<bool> HasRowsFromAnEarlierDayAsync(CancellationToken cancellationToken = default)
    {
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.BrandPortfolioRows.AnyAsync(r => r.AsOf < today, cancellationToken);
    }

    /// <summary>Rebuilds the rows of these brands (a brand that no longer exists loses its row).</summary>
    public async Task<int> RefreshAsync(IReadOnlyCollection<Guid> brandIds, CancellationToken cancellationToken = default)
    {
        var written = 0;
        foreach (var chunk in brandIds.Distinct().Chunk(ChunkSize))
        {
            written += await RefreshChunkAsync(chunk, cancellationToken);
        }

        return written;
    }

    private async Task<int> RefreshChunkAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brands = await db.Brands.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.CreatedAt, b.SubmittedAt, b.LastDecisionAt, b.TrademarkOwner, b.CompanyName })
            .ToListAsync(cancellationToken);
        var categories = (await db.BrandCategories.Where(bc => ids.Contains(bc.BrandId))
                .Join(db.Categories, bc => bc.CategoryId, c => c.Id, (bc, c) => new { bc.BrandId, c.Code })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.BrandId, x => x.Code);
        var rules = await db.RequirementRules.AsNoTracking().ToListAsync(cancellationToken);
        var documents = (await db.Documents.AsNoTracking().Where(d => ids.Contains(d.BrandId)).ToListAsync(cancellationToken))
            .ToLookup(d => d.BrandId);
        var tasks = await db.PlaybookTasks.AsNoTracking().Where(t => t.IsActive).Select(t => new { t.Id, t.Area }).ToListAsync(cancellationToken);
        var areaOf = tasks.ToDictionary(t => t.Id, t => t.Area);
        var totals = tasks.GroupBy(t => t.Area).ToDictionary(g => g.Key, g => g.Count());
        var brandTasks = (await db.BrandTasks.AsNoTracking().Where(t => ids.Contains(t.BrandId))
                .Select(t => new { t.BrandId, t.PlaybookTaskId, t.Status, t.UpdatedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.BrandId);
        var milestones = await db.MilestoneAchievements.Where(a => ids.Contains(a.BrandId))
            .GroupBy(a => a.BrandId)
            .Select(g => new { BrandId = g.Key, Last = g.Max(a => a.CreatedAt) })
            .ToDictionaryAsync(x => x.BrandId, x => x.Last, cancellationToken);
        var lastEvents = await db.ApplicationEvents.Where(e => ids.Contains(e.BrandId))
            .GroupBy(e => e.BrandId)
            .Select(g => new { BrandId = g.Key, Last = g.Max(e => e.CreatedAt) })
            .ToDictionaryAsync(x => x.BrandId, x => x.Last, cancellationToken);
        // The brand's own messages: staff chasing a quiet brand does not make it active.
        var lastComments = await db.BrandComments.Where(c => ids.Contains(c.BrandId) && !c.ByStaff)
            .GroupBy(c => c.BrandId)
            .Select(g => new { BrandId = g.Key, Last = g.Max(c => c.CreatedAt) })
            .ToDictionaryAsync(x => x.BrandId, x => x.Last, cancellationToken);
        var lastPlans = (await db.StreamPlans.Where(p => ids.Contains(p.BrandId))
                .GroupBy(p => p.BrandId)
                .Select(g => new { BrandId = g.Key, Created = g.Max(p => p.CreatedAt), Updated = g.Max(p => p.UpdatedAt) })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.BrandId, x => x.Updated is { } updated && updated > x.Created ? updated : x.Created);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var idsJson = StoredValues.For(connection).KeyList(ids);
        var figures = await ReadFiguresAsync(connection, idsJson, today, cancellationToken);

        var rows = new List<BrandPortfolioRow>(brands.Count);
        foreach (var brand in brands)
        {
            var facts = new BrandFacts(categories[brand.Id].ToList(), BrandFacts.OwnsTrademark(brand.TrademarkOwner, brand.CompanyName));
            var brandDocuments = documents[brand.Id].ToList();
            var report = RequirementEvaluator.Evaluate(facts, rules, brandDocuments, today);
            var effective = report.Requirements.Where(r => r.Effective?.ExpiresOn is not null).ToList();
            figures.TryGetValue(brand.Id, out var f);
            var doneByArea = brandTasks[brand.Id]
                .Where(t => t.Status == BrandTaskStatus.Done && areaOf.ContainsKey(t.PlaybookTaskId))
                .GroupBy(t => areaOf[t.PlaybookTaskId])
                .ToDictionary(g => g.Key, g => g.Count());
            int Progress(StepsArea area) => totals.GetValueOrDefault(area) is var total and > 0
                ? (int)Math.Round(100.0 * doneByArea.GetValueOrDefault(area) / total)
                : 0;

            DateTimeOffset? lastMilestone = milestones.TryGetValue(brand.Id, out var m) ? m : null;
            var activity = LastActivity(
                brand.CreatedAt, brand.SubmittedAt, brand.LastDecisionAt, lastMilestone,
                f?.LastOn is { } figuresDay ? PlatformTime.At(figuresDay, TimeOnly.MinValue) : null,
                lastEvents.TryGetValue(brand.Id, out var e) ? e : null,
                brandDocuments.Select(d => (DateTimeOffset?)d.CreatedAt).Max(),
                brandDocuments.Select(d => d.CheckedAt).Max(),
                brandTasks[brand.Id].Select(t => (DateTimeOffset?)t.UpdatedAt).Max(),
                lastComments.TryGetValue(brand.Id, out var c) ? c : null,
                lastPlans.TryGetValue(brand.Id, out var p) ? p : null);

            rows.Add(new BrandPortfolioRow
            {
                BrandId = brand.Id,
                AsOf = today,
                Gmv30 = f?.Gmv30 ?? 0,
                GmvPrev30 = f?.GmvPrev30 ?? 0,
                TrendPercent = f is { GmvPrev30: > 0 } ? (int)Math.Clamp(Math.Round(100m * (f.Gmv30 - f.GmvPrev30) / f.GmvPrev30), -1_000_000, 1_000_000) : null,
                LastFiguresOn = f?.LastOn,
                LastMilestoneAt = lastMilestone,
                LastActivityAt = activity,
                Compliance = report.Status,
                BlockedFrom = report.Status == ComplianceStatus.Blocked ? null
                    : effective.Where(r => r.Rule.BlocksSelling).Select(r => r.Effective!.ExpiresOn).Min(),
                NextExpiryOn = effective.Select(r => r.Effective!.ExpiresOn).Min(),
                DocumentsAwaitingReview = brandDocuments.Count(d => d.Status == DocumentStatus.AwaitingReview),
                ProgressDistribution = Progress(StepsArea.Distribution),
                ProgressTraffic = Progress(StepsArea.Traffic),
                ProgressSelfStreaming = Progress(StepsArea.SelfStreaming),
                ProgressPrivateDomain = Progress(StepsArea.PrivateDomain),
                ProgressExclusive = Progress(StepsArea.Exclusive),
                RefreshedAt = now,
            });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.BrandPortfolioRows.Where(r => ids.Contains(r.BrandId)).ExecuteDeleteAsync(cancellationToken);
        await InsertAsync(connection, transaction.GetDbTransaction(), rows, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(PortfolioRefreshQueue.RaiseVersionSql, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// The brand's last activity: the latest of its registration, submission and decision, application events, the
    /// last day it has figures for (the day, not when the feed delivered them: a re-import of old days is no activity),
    /// document uploads and reviews, task changes, milestones, comments and stream plans.
    /// </summary>
    private static DateTimeOffset? LastActivity(params DateTimeOffset?[] moments) => moments.Max();

    private sealed record Figures(decimal Gmv30, decimal GmvPrev30, DateOnly? LastOn, DateTimeOffset? LastUpdatedAt);

    private static async Task<Dictionary<Guid, Figures>> ReadFiguresAsync(DbConnection connection, object idsJson, DateOnly today, CancellationToken cancellationToken)
    {
        var values = StoredValues.For(connection);
        await using var command = connection.Command(null, PortfolioSql.Figures(values),
            ("@brands", idsJson), ("@today", values.Day(today)), ("@cur", values.Day(today.AddDays(-30))), ("@prev", values.Day(today.AddDays(-60))));
        var result = new Dictionary<Guid, Figures>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetKey(0)] = new Figures(reader.GetYuan(1), reader.GetYuan(2), reader.GetDayOrNull(3), reader.GetInstantOrNull(4));
        }

        return result;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BrandPortfolioRow> rows, CancellationToken cancellationToken)
    {
        var values = StoredValues.For(connection);
        if (values.IsPostgres)
        {
            await InsertOnPostgresAsync(connection, transaction, rows, values, cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PortfolioSql.InsertRow();
        var p = Enumerable.Range(0, PortfolioSql.InsertColumns.Length).Select(i => command.AddParameter($"@p{i}")).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            p[0].Value = values.Key(row.BrandId);
            p[1].Value = values.Day(row.AsOf);
            p[2].Value = StoredValues.Fen(row.Gmv30);
            p[3].Value = StoredValues.Fen(row.GmvPrev30);
            p[4].Value = values.DayOrNull(row.LastFiguresOn);
            p[5].Value = values.InstantOrNull(row.LastMilestoneAt);
            p[6].Value = values.InstantOrNull(row.LastActivityAt);
            p[7].Value = row.Compliance.ToString();
            p[8].Value = values.DayOrNull(row.BlockedFrom);
            p[9].Value = values.DayOrNull(row.NextExpiryOn);
            p[10].Value = row.DocumentsAwaitingReview;
            p[11].Value = row.ProgressDistribution;
            p[12].Value = row.ProgressTraffic;
            p[13].Value = row.ProgressSelfStreaming;
            p[14].Value = row.ProgressPrivateDomain;
            p[15].Value = row.ProgressExclusive;
            p[16].Value = values.Instant(row.RefreshedAt);
            p[17].Value = row.TrendPercent is { } trend ? trend : DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// PostgreSQL: the chunk in one statement, a column per array (<see cref="PortfolioSql.InsertRowsOnPostgres"/>),
    /// the same values <see cref="InsertAsync"/> binds per row (keys and days as they are there, instants through
    /// <see cref="StoredValues.RoundTrip"/>, money in fen); one round trip instead of one per row.
    /// </summary>
    private static async Task InsertOnPostgresAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BrandPortfolioRow> rows, StoredValues values, CancellationToken cancellationToken)
    {
        DateTimeOffset? Instant(DateTimeOffset? instant) => instant is { } value ? values.RoundTrip(value) : null;
        T[] Column<T>(Func<BrandPortfolioRow, T> value) => rows.Select(value).ToArray();
        await connection.ExecuteAsync(transaction, PortfolioSql.InsertRowsOnPostgres(), cancellationToken,
            ("@p0", Column(r => r.BrandId)),
            ("@p1", Column(r => r.AsOf)),
            ("@p2", Column(r => StoredValues.Fen(r.Gmv30))),
            ("@p3", Column(r => StoredValues.Fen(r.GmvPrev30))),
            ("@p4", Column(r => r.LastFiguresOn)),
            ("@p5", Column(r => Instant(r.LastMilestoneAt))),
            ("@p6", Column(r => Instant(r.LastActivityAt))),
            ("@p7", Column(r => r.Compliance.ToString())),
            ("@p8", Column(r => r.BlockedFrom)),
            ("@p9", Column(r => r.NextExpiryOn)),
            ("@p10", Column(r => r.DocumentsAwaitingReview)),
            ("@p11", Column(r => r.ProgressDistribution)),
            ("@p12", Column(r => r.ProgressTraffic)),
            ("@p13", Column(r => r.ProgressSelfStreaming)),
            ("@p14", Column(r => r.ProgressPrivateDomain)),
            ("@p15", Column(r => r.ProgressExclusive)),
            ("@p16", Column(r => values.RoundTrip(r.RefreshedAt))),
            ("@p17", Column(r => r.TrendPercent)));
    }
}
