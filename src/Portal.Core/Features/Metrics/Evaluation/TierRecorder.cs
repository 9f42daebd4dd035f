using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Data;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// Replays growth tiers from the summarised monthly GMV in memory (<see cref="TierEvaluator"/>) and writes the
/// moves not recorded yet in one transaction, each with its facts, then moves the brands to their new tier.
/// </summary>
internal sealed class TierRecorder(TierOptions options, Func<TierMove, TierOptions, string> explain, TimeProvider clock)
{
    /// <summary>Records the new moves; answers how many brands were evaluated and how many moves were recorded.</summary>
    public async Task<(int Brands, int Changes)> RecordAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        var (months, firstPaid) = await ReadMonthsAsync(run, cancellationToken);
        var state = await ReadStateAsync(run, cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var changes = new List<TierChange>();
        var tiers = new Dictionary<Guid, GrowthTier>();
        foreach (var (brand, list) in months)
        {
            if (!state.TryGetValue(brand, out var current))
            {
                continue;
            }

            var tier = current.Tier;
            foreach (var move in TierEvaluator.Replay(list, firstPaid.TryGetValue(brand, out var paid) ? paid : null, today, options))
            {
                if (move.EffectiveFrom <= current.Since || move.To == tier)
                {
                    continue;
                }

                changes.Add(Change(brand, tier, move));
                tier = move.To;
            }

            if (tier != current.Tier)
            {
                tiers[brand] = tier;
            }
        }

        if (changes.Count > 0)
        {
            await WriteAsync(run, changes, tiers, cancellationToken);
        }

        return (months.Count, changes.Count);
    }

    private TierChange Change(Guid brand, GrowthTier from, TierMove move)
    {
        var facts = TierChangeFacts.Of(move, options);
        return new TierChange
        {
            BrandId = brand,
            From = from,
            To = move.To,
            EffectiveFrom = move.EffectiveFrom,
            Explanation = explain(move, options),
            Reason = facts.Reason,
            ProofMonth = facts.ProofMonth,
            Gmv = facts.Gmv,
            Threshold = facts.Threshold,
            Months = facts.Months,
            Source = TierChangeSource.Metrics,
        };
    }

    /// <summary>Each brand's monthly GMV and its first paid day, from the summaries.</summary>
    private static async Task<(Dictionary<Guid, List<MonthlyGmv>> Months, Dictionary<Guid, DateOnly> FirstPaid)> ReadMonthsAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        var months = new Dictionary<Guid, List<MonthlyGmv>>();
        var firstPaid = new Dictionary<Guid, DateOnly>();
        await using var command = run.Connection.Command(run.Current, run.OnPostgres ? MetricsEvaluationPostgresSql.MonthlyGmv(run.Scoped) : MetricsEvaluationSql.MonthlyGmv(run.Scoped));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var brand = reader.GetKey(0);
            if (!months.TryGetValue(brand, out var list))
            {
                months[brand] = list = [];
            }

            list.Add(new MonthlyGmv(reader.GetMonth(1), reader.GetYuan(2)));
            if (reader.GetDayOrNull(3) is { } day && (!firstPaid.TryGetValue(brand, out var known) || day < known))
            {
                firstPaid[brand] = day;
            }
        }

        return (months, firstPaid);
    }

    /// <summary>Each brand's current tier and the day of its last recorded move, in one query.</summary>
    private static async Task<Dictionary<Guid, (DateOnly Since, GrowthTier Tier)>> ReadStateAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        var state = new Dictionary<Guid, (DateOnly Since, GrowthTier Tier)>();
        await using var command = run.Connection.Command(run.Current, run.OnPostgres ? MetricsEvaluationPostgresSql.TierState(run.Scoped) : MetricsEvaluationSql.TierState(run.Scoped));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            state[reader.GetKey(0)] = (reader.GetDayOrNull(2) ?? DateOnly.MinValue, Enum.Parse<GrowthTier>(reader.GetString(1)));
        }

        return state;
    }

    private async Task WriteAsync(EvaluationRun run, List<TierChange> changes, Dictionary<Guid, GrowthTier> tiers, CancellationToken cancellationToken)
    {
        await using var transaction = await run.BeginPhaseAsync(cancellationToken);
        await using (var insert = run.Connection.Command(transaction.Transaction, MetricsEvaluationSql.InsertTierChange,
            ("@source", nameof(TierChangeSource.Metrics)), ("@at", run.Values.Instant(clock.GetUtcNow()))))
        {
            string[] names = ["@id", "@brand", "@from", "@to", "@on", "@why", "@reason", "@month", "@gmv", "@threshold", "@months"];
            var p = names.Select(name => insert.AddParameter(name)).ToArray();
            await insert.PrepareAsync(cancellationToken);
            foreach (var change in changes)
            {
                p[0].Value = run.Values.Key(change.Id);
                p[1].Value = run.Values.Key(change.BrandId);
                p[2].Value = change.From.ToString();
                p[3].Value = change.To.ToString();
                p[4].Value = run.Values.Day(change.EffectiveFrom);
                p[5].Value = change.Explanation;
                p[6].Value = StoredValues.OrNull(change.Reason?.ToString());
                p[7].Value = run.Values.DayOrNull(change.ProofMonth);
                p[8].Value = StoredValues.FenOrNull(change.Gmv);
                p[9].Value = StoredValues.FenOrNull(change.Threshold);
                p[10].Value = StoredValues.OrNull(change.Months);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // One statement per tier reached, not one per brand. The version moves too, as every write of a brand's tier
        // does: a staff override read before this commit is refused at its save and reads the brand again.
        foreach (var group in tiers.GroupBy(t => t.Value, t => t.Key))
        {
            var ids = group.ToList();
            await run.Db.Brands.Where(b => ids.Contains(b.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Tier, group.Key).SetProperty(b => b.Version, b => b.Version + 1), cancellationToken);
        }

        // The brands' new tier shows in the portfolio: queued in this transaction (PortfolioRefreshQueue).
        await PortfolioRefreshQueue.EnqueueAsync(run.Connection, transaction.Transaction, changes.Select(c => c.BrandId).Concat(tiers.Keys), clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
