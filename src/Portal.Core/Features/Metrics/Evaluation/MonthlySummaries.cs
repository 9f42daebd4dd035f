using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Data;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// The first phase: keeps <see cref="MetricMonth"/> (per brand and month: sum, largest day and days above zero of
/// every figure) current for the brands in scope, set-based in one transaction. The later phases read the
/// summaries, and daily rows only where the summaries say a milestone may have been reached.
/// </summary>
internal static class MonthlySummaries
{
    /// <summary>Rebuilds the scope's <see cref="MetricMonth"/> summaries from the month of each brand's first touched day on.</summary>
    public static async Task RefreshAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        await using var transaction = await run.Db.Database.BeginTransactionAsync(cancellationToken);
        await run.Connection.ExecuteAsync(transaction.GetDbTransaction(), run.OnPostgres ? MetricsEvaluationPostgresSql.RefreshSummaries : MetricsEvaluationSql.RefreshSummaries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
