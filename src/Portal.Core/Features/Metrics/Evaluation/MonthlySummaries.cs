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
        await using var transaction = await run.BeginPhaseAsync(cancellationToken);
        if (run.OnPostgres)
        {
            // One statement: PostgreSQL hashes the groups, whatever order the rows arrive in.
            await run.Connection.ExecuteAsync(transaction.Transaction, MetricsEvaluationPostgresSql.RefreshSummaries, cancellationToken);
        }
        else
        {
            await RefreshByMonthAsync(run, transaction.Transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>SQLite: the summaries deleted, then rebuilt one month at a time (<see cref="MetricsEvaluationSql.RefreshSummaryMonth"/> says why).</summary>
    private static async Task RefreshByMonthAsync(EvaluationRun run, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        await run.Connection.ExecuteAsync(transaction, MetricsEvaluationSql.DeleteSummaries, cancellationToken);
        DateOnly first, last;
        await using (var days = run.Connection.Command(transaction, MetricsEvaluationSql.SummaryDays))
        await using (var reader = await days.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0) || reader.IsDBNull(1))
            {
                return;
            }

            (first, last) = (reader.GetDay(0), reader.GetDay(1));
        }

        await using var insert = run.Connection.Command(transaction, MetricsEvaluationSql.RefreshSummaryMonth);
        var month = insert.AddParameter("@month");
        await insert.PrepareAsync(cancellationToken);
        for (var day = new DateOnly(first.Year, first.Month, 1); day <= last; day = day.AddMonths(1))
        {
            month.Value = StoredValues.Month(day);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
