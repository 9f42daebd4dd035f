using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Data.Configurations;
using Portal.Core.Features.Portfolio;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// Records milestones: one statement over the summaries finds, for every active <see cref="MilestoneDefinition"/>,
/// the brands that may have reached it (and have not yet), and only for those the daily rows are read, per
/// definition, to find the exact day and the figure that proved it. The achievements go in through one prepared insert in one transaction.
/// </summary>
internal sealed class MilestoneRecorder(TimeProvider clock, ILogger logger)
{
    /// <summary>Records the milestones reached; answers how many.</summary>
    public async Task<int> RecordAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        var definitions = await run.Db.MilestoneDefinitions.AsNoTracking().Where(d => d.IsActive).ToListAsync(cancellationToken);
        var found = new List<MilestoneAchievement>();
        // A small run takes every definition's candidates at once (most runs then stop there); a large one one
        // definition at a time, so the temporary table holds one definition's candidates, not all of them.
        var batches = run.Small ? [definitions] : definitions.Select(d => new List<MilestoneDefinition> { d }).ToList();
        foreach (var batch in batches)
        {
            foreach (var definition in await WithCandidatesAsync(run, batch, cancellationToken))
            {
                await FindAsync(run, definition, found, cancellationToken);
            }
        }

        if (found.Count > 0)
        {
            await InsertAsync(run, found, cancellationToken);
            logger.LogInformation("Recorded {Count} milestone(s)", found.Count);
        }

        return found.Count;
    }

    /// <summary>The scale from a stored figure back to the figure (fen to yuan, parts per ten thousand to a rate; a day's ad ROI is not scaled).</summary>
    private static decimal ScaleOf(MetricKind metric) => metric switch
    {
        MetricKind.Gmv or MetricKind.DistributionGmv or MetricKind.AdSpend or MetricKind.AdGmv or MetricKind.SelfStreamGmv => MetricStorage.FenPerYuan,
        MetricKind.RepurchaseRate => MetricStorage.RateScale,
        _ => 1m,
    };

    /// <summary>A definition's threshold in storage units, as its statements compare it.</summary>
    private static object ThresholdOf(MilestoneDefinition definition) => definition.Aggregation == MilestoneAggregation.DaysWithValue
        ? (long)Math.Ceiling(definition.Threshold)
        : definition.Metric == MetricKind.AdRoi ? (double)definition.Threshold : (long)Math.Ceiling(definition.Threshold * ScaleOf(definition.Metric));

    /// <summary>
    /// These definitions' candidates in one statement; answers the definitions that have any, the only ones whose
    /// daily rows are read.
    /// </summary>
    private static async Task<List<MilestoneDefinition>> WithCandidatesAsync(EvaluationRun run, List<MilestoneDefinition> definitions, CancellationToken cancellationToken)
    {
        await run.Connection.ExecuteAsync(run.Current, MetricsEvaluationSql.ClearCandidates, cancellationToken);
        if (definitions.Count == 0)
        {
            return [];
        }

        var parameters = definitions.SelectMany((definition, i) => new (string, object?)[]
        {
            ($"@definition{i}", run.Values.Key(definition.Id)), ($"@threshold{i}", ThresholdOf(definition)),
        }).ToArray();
        var sql = run.OnPostgres ? MetricsEvaluationPostgresSql.Candidates(definitions, run.Scoped) : MetricsEvaluationSql.Candidates(definitions, run.Scoped);
        if (await run.Connection.ExecuteAsync(run.Current, sql, cancellationToken, parameters) == 0)
        {
            return [];
        }

        var withCandidates = new HashSet<Guid>();
        await using (var command = run.Connection.Command(run.Current, run.OnPostgres ? MetricsEvaluationPostgresSql.CandidateDefinitions : MetricsEvaluationSql.CandidateDefinitions))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                withCandidates.Add(reader.GetKey(0));
            }
        }

        return definitions.Where(d => withCandidates.Contains(d.Id)).ToList();
    }

    private static async Task FindAsync(EvaluationRun run, MilestoneDefinition definition, List<MilestoneAchievement> found, CancellationToken cancellationToken)
    {
        var scale = ScaleOf(definition.Metric);
        var parameters = new (string, object?)[] { ("@definition", run.Values.Key(definition.Id)), ("@threshold", ThresholdOf(definition)) };
        await using var command = run.Connection.Command(run.Current, run.OnPostgres ? MetricsEvaluationPostgresSql.MilestoneDays(definition) : MetricsEvaluationSql.MilestoneDays(definition), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var date = reader.GetDay(1);
            var raw = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
            found.Add(new MilestoneAchievement
            {
                BrandId = reader.GetKey(0),
                MilestoneDefinitionId = definition.Id,
                AchievedOn = date,
                Value = definition.Aggregation == MilestoneAggregation.DaysWithValue ? raw : decimal.Round(raw / scale, 4),
                Period = definition.Aggregation == MilestoneAggregation.MonthlySum ? StoredValues.Month(date) : StoredValues.DayText(date),
            });
        }
    }

    private async Task InsertAsync(EvaluationRun run, List<MilestoneAchievement> found, CancellationToken cancellationToken)
    {
        await using var transaction = await run.BeginPhaseAsync(cancellationToken);
        await using var insert = run.Connection.Command(transaction.Transaction, run.OnPostgres ? MetricsEvaluationPostgresSql.InsertMilestone : MetricsEvaluationSql.InsertMilestone,
            ("@at", run.Values.Instant(clock.GetUtcNow())));
        var id = insert.AddParameter("@id");
        var brand = insert.AddParameter("@brand");
        var definitionId = insert.AddParameter("@definition");
        var on = insert.AddParameter("@on");
        var amount = insert.AddParameter("@value");
        var period = insert.AddParameter("@period");
        await insert.PrepareAsync(cancellationToken);
        foreach (var achievement in found)
        {
            id.Value = run.Values.Key(achievement.Id);
            brand.Value = run.Values.Key(achievement.BrandId);
            definitionId.Value = run.Values.Key(achievement.MilestoneDefinitionId);
            on.Value = run.Values.Day(achievement.AchievedOn);
            amount.Value = run.Values.Decimal(achievement.Value);
            period.Value = achievement.Period;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // The brands' last milestone shows in the portfolio: queued in this transaction (PortfolioRefreshQueue).
        await PortfolioRefreshQueue.EnqueueAsync(run.Connection, transaction.Transaction, found.Select(a => a.BrandId), clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
