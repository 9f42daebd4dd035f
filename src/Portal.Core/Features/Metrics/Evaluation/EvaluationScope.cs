using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Data;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// Which brands a run evaluates and from which day: the queue that accepted batches left
/// (<see cref="PendingMetricsEvaluation"/>), given brands, or every brand; written to the temporary table the
/// other phases join from, and the queue rows the run saw cleared at its end.
/// </summary>
internal static class EvaluationScope
{
    /// <summary>The queued rows; for given brands only theirs.</summary>
    public static async Task<List<PendingMetricsEvaluation>> ReadPendingAsync(PortalDbContext db, IReadOnlyCollection<Guid>? brandIds, CancellationToken cancellationToken)
    {
        var pending = await db.PendingMetricsEvaluations.AsNoTracking().ToListAsync(cancellationToken);
        if (brandIds is null)
        {
            return pending;
        }

        var asked = brandIds.ToHashSet();
        return pending.Where(p => asked.Contains(p.BrandId)).ToList();
    }

    /// <summary>
    /// Self-repair for the nightly run: brands with daily rows but no summary (figures written around the
    /// ingestion service), to be summarised from their first day.
    /// </summary>
    public static Task<List<Guid>> UnsummarisedBrandsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Brands.AsNoTracking()
            .Where(b => db.DailyMetrics.Any(m => m.BrandId == b.Id) && !db.MetricMonths.Any(s => s.BrandId == b.Id))
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The brands in scope and the first day to summarise again, in the run's temporary table.</summary>
    public static async Task FillAsync(EvaluationRun run, IReadOnlyDictionary<Guid, DateOnly> scope, CancellationToken cancellationToken)
    {
        await run.Connection.ExecuteAsync(run.Current, run.OnPostgres ? MetricsEvaluationPostgresSql.CreateScope : MetricsEvaluationSql.CreateScope, cancellationToken);
        if (scope.Count == 0)
        {
            return;
        }

        await using var transaction = await run.BeginPhaseAsync(cancellationToken);
        if (run.OnPostgres)
        {
            // One statement for the whole scope (the nightly run's tens of thousands of brands): arrays, unnested.
            await run.Connection.ExecuteAsync(transaction.Transaction, MetricsEvaluationPostgresSql.InsertScope, cancellationToken,
                ("@brands", scope.Keys.ToArray()), ("@days", scope.Values.ToArray()));
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        await using var insert = run.Connection.Command(transaction.Transaction, MetricsEvaluationSql.InsertScope);
        var brand = insert.AddParameter("@b");
        var day = insert.AddParameter("@d");
        await insert.PrepareAsync(cancellationToken);
        foreach (var (id, from) in scope)
        {
            brand.Value = run.Values.Key(id);
            day.Value = run.Values.Day(from);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Clears the queue rows the run saw, at the version and stamp it saw; a brand queued again meanwhile keeps its row
    /// for the next run. (The stamp too: a row cleared by another run and queued anew starts again at version 0.)
    /// </summary>
    public static async Task ClearPendingAsync(EvaluationRun run, IReadOnlyCollection<PendingMetricsEvaluation> seen, CancellationToken cancellationToken)
    {
        if (seen.Count == 0)
        {
            return;
        }

        await using var transaction = await run.BeginPhaseAsync(cancellationToken);
        if (run.OnPostgres)
        {
            await run.Connection.ExecuteAsync(transaction.Transaction, MetricsEvaluationPostgresSql.ClearPending, cancellationToken,
                ("@brands", seen.Select(p => p.BrandId).ToArray()), ("@versions", seen.Select(p => p.Version).ToArray()),
                ("@requested", seen.Select(p => (DateTimeOffset)run.Values.Instant(p.RequestedAt)).ToArray()));
        }
        else
        {
            var json = StoredValues.Rows(seen.Select(p => new object[] { run.Values.Key(p.BrandId), p.Version, run.Values.Instant(p.RequestedAt) }));
            await run.Connection.ExecuteAsync(transaction.Transaction, MetricsEvaluationSql.ClearPending, cancellationToken, ("@seen", json));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
