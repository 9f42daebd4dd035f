using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Data.Configurations;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;

namespace Portal.Core.Features.Metrics;

/// <summary>What one evaluation did.</summary>
public sealed record MetricsEvaluationSummary(int Brands, int Milestones, int TasksCompleted, int TierChanges);

/// <summary>
/// Evaluates milestones and growth tiers from the daily figures, for some brands (after a batch)
/// or for all (the nightly recompute). Set-based: one SQL query per milestone definition and one
/// for the monthly GMV of every brand in scope. Idempotent: a milestone is recorded once (unique
/// per brand), tasks are completed through <see cref="JourneyService"/> with source milestone, and
/// tier moves already recorded are not recorded again.
/// </summary>
public sealed class MetricsEvaluationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    JourneyService journey,
    GrowthPathService growth,
    IOptionsMonitor<TierOptions> tierOptions,
    IStringLocalizer<MetricsStrings> strings,
    TimeProvider clock,
    ILogger<MetricsEvaluationService> logger)
{
    // One evaluation at a time in a process: the incremental job and the nightly one never race.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Evaluates the brands queued by accepted batches and clears the rows it saw.</summary>
    public async Task<MetricsEvaluationSummary> EvaluatePendingAsync(CancellationToken cancellationToken = default)
    {
        List<PendingMetricsEvaluation> pending;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            pending = await db.PendingMetricsEvaluations.AsNoTracking().ToListAsync(cancellationToken);
        }

        if (pending.Count == 0)
        {
            return new MetricsEvaluationSummary(0, 0, 0, 0);
        }

        var summary = await EvaluateAsync(pending.Select(p => p.BrandId).ToList(), cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // A brand touched again while this ran keeps its newer row and is evaluated by the next job.
            var seen = pending.ToDictionary(p => p.BrandId, p => p.RequestedAt);
            var ids = seen.Keys.ToList();
            var rows = await db.PendingMetricsEvaluations.Where(p => ids.Contains(p.BrandId)).ToListAsync(cancellationToken);
            db.PendingMetricsEvaluations.RemoveRange(rows.Where(r => r.RequestedAt <= seen[r.BrandId]));
            await db.SaveChangesAsync(cancellationToken);
        }

        return summary;
    }

    /// <summary>Evaluates the given brands.</summary>
    public Task<MetricsEvaluationSummary> EvaluateAsync(IReadOnlyCollection<Guid> brandIds, CancellationToken cancellationToken = default) =>
        RunAsync(brandIds, cancellationToken);

    /// <summary>Recomputes every brand (the nightly job).</summary>
    public Task<MetricsEvaluationSummary> EvaluateAllAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, cancellationToken);

    private async Task<MetricsEvaluationSummary> RunAsync(IReadOnlyCollection<Guid>? brandIds, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var milestones = await RecordMilestonesAsync(brandIds, cancellationToken);
            var tasks = await CompleteTasksAsync(brandIds, cancellationToken);
            var (brands, tiers) = await EvaluateTiersAsync(brandIds, cancellationToken);
            return new MetricsEvaluationSummary(brands, milestones, tasks, tiers);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Filter(IReadOnlyCollection<Guid>? brandIds, string alias) =>
        brandIds is null ? "" : $"""AND {alias}."BrandId" IN (SELECT value FROM json_each($brands))""";

    private static void AddBrands(DbCommand command, IReadOnlyCollection<Guid>? brandIds)
    {
        if (brandIds is not null)
        {
            Add(command, "$brands", JsonSerializer.Serialize(brandIds.Select(MetricsIngestionService.Key)));
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The figure as stored (fen, parts per ten thousand, counts) and its scale back to the figure.</summary>
    private static (string Sql, decimal Scale) ValueOf(MetricKind metric) => metric switch
    {
        MetricKind.Gmv or MetricKind.DistributionGmv or MetricKind.AdSpend or MetricKind.AdGmv => ($"""m."{metric}" """, MetricStorage.FenPerYuan),
        MetricKind.RepurchaseRate => ("""m."RepurchaseRate" """, MetricStorage.RateScale),
        MetricKind.SelfStreamGmv => ("""(CASE WHEN m."Gmv" IS NULL THEN NULL ELSE MAX(0, m."Gmv" - COALESCE(m."DistributionGmv", 0)) END)""", MetricStorage.FenPerYuan),
        MetricKind.AdRoi => ("""(CASE WHEN m."AdSpend" > 0 THEN CAST(COALESCE(m."AdGmv", 0) AS REAL) / m."AdSpend" END)""", 1m),
        _ => ($"""m."{metric}" """, 1m),
    };

    private static string MilestoneSql(MilestoneDefinition definition, string filter)
    {
        var (value, _) = ValueOf(definition.Metric);
        var scope = $"""
            FROM "DailyMetrics" m
            WHERE m."BrandId" NOT IN (SELECT a."BrandId" FROM "MilestoneAchievements" a WHERE a."MilestoneDefinitionId" = $definition) {filter}
            """;
        return (definition.Aggregation, definition.Metric) switch
        {
            (MilestoneAggregation.MonthlySum, MetricKind.AdRoi) => $"""
                SELECT BrandId, LastDate, Roi FROM (
                    SELECT BrandId, LastDate, CAST(AdGmv AS REAL) / AdSpend AS Roi, ROW_NUMBER() OVER (PARTITION BY BrandId ORDER BY Month) AS Rn
                    FROM (SELECT m."BrandId" AS BrandId, substr(m."Date", 1, 7) AS Month, MAX(m."Date") AS LastDate,
                                 SUM(COALESCE(m."AdGmv", 0)) AS AdGmv, SUM(m."AdSpend") AS AdSpend
                          {scope} AND m."AdSpend" > 0
                          GROUP BY m."BrandId", substr(m."Date", 1, 7))
                    WHERE AdGmv >= $threshold * AdSpend)
                WHERE Rn = 1
                """,
            (MilestoneAggregation.MonthlySum, _) => $"""
                SELECT BrandId, Date, Total FROM (
                    SELECT BrandId, Date, Total, ROW_NUMBER() OVER (PARTITION BY BrandId ORDER BY Date) AS Rn FROM (
                        SELECT m."BrandId" AS BrandId, m."Date" AS Date,
                               SUM({value}) OVER (PARTITION BY m."BrandId", substr(m."Date", 1, 7) ORDER BY m."Date") AS Total
                        {scope} AND {value} IS NOT NULL)
                    WHERE Total >= $threshold)
                WHERE Rn = 1
                """,
            (MilestoneAggregation.Maximum, _) => $"""
                SELECT BrandId, Date, Value FROM (
                    SELECT m."BrandId" AS BrandId, m."Date" AS Date, {value} AS Value,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date") AS Rn
                    {scope} AND {value} >= $threshold)
                WHERE Rn = 1
                """,
            (MilestoneAggregation.Latest, _) => $"""
                SELECT BrandId, Date, Value FROM (
                    SELECT m."BrandId" AS BrandId, m."Date" AS Date, {value} AS Value,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date" DESC) AS Rn
                    {scope} AND {value} IS NOT NULL)
                WHERE Rn = 1 AND Value >= $threshold
                """,
            (MilestoneAggregation.DaysWithValue, _) => $"""
                SELECT BrandId, Date, Rn FROM (
                    SELECT m."BrandId" AS BrandId, m."Date" AS Date,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date") AS Rn
                    {scope} AND {value} > 0)
                WHERE Rn = $threshold
                """,
            _ => throw new InvalidOperationException($"Unknown aggregation {definition.Aggregation}."),
        };
    }

    private async Task<int> RecordMilestonesAsync(IReadOnlyCollection<Guid>? brandIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definitions = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.IsActive).ToListAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var found = new List<MilestoneAchievement>();
        var filter = Filter(brandIds, "m");
        foreach (var definition in definitions)
        {
            var (_, scale) = ValueOf(definition.Metric);
            await using var command = connection.CreateCommand();
            command.CommandText = MilestoneSql(definition, filter);
            Add(command, "$definition", MetricsIngestionService.Key(definition.Id));
            Add(command, "$threshold", definition.Aggregation == MilestoneAggregation.DaysWithValue
                ? (object)(long)Math.Ceiling(definition.Threshold)
                : definition.Metric == MetricKind.AdRoi ? (double)definition.Threshold : (long)Math.Ceiling(definition.Threshold * scale));
            AddBrands(command, brandIds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var date = DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var raw = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture);
                var value = definition.Aggregation == MilestoneAggregation.DaysWithValue ? raw : decimal.Round(raw / scale, 4);
                found.Add(new MilestoneAchievement
                {
                    BrandId = Guid.Parse(reader.GetString(0)),
                    MilestoneDefinitionId = definition.Id,
                    AchievedOn = date,
                    Value = value,
                    Period = definition.Aggregation == MilestoneAggregation.MonthlySum
                        ? date.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                        : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                });
            }
        }

        if (found.Count > 0)
        {
            db.MilestoneAchievements.AddRange(found);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Recorded {Count} milestone(s)", found.Count);
        }

        return found.Count;
    }

    private async Task<int> CompleteTasksAsync(IReadOnlyCollection<Guid>? brandIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = db.MilestoneAchievements.Where(a => a.TasksCompletedAt == null);
        if (brandIds is not null)
        {
            open = open.Where(a => brandIds.Contains(a.BrandId));
        }

        var work = await open
            .Join(db.MilestoneDefinitions, a => a.MilestoneDefinitionId, d => d.Id, (a, d) => new { a.Id, a.BrandId, d.Code, d.TaskCodes })
            .ToListAsync(cancellationToken);
        var completed = 0;
        foreach (var item in work)
        {
            foreach (var task in item.TaskCodes)
            {
                var outcome = await journey.SetTaskStatusAsync(item.BrandId, task, BrandTaskStatus.Done, null, CompletionSource.Milestone, null, cancellationToken);
                if (outcome.Succeeded)
                {
                    completed++;
                }
                else
                {
                    logger.LogWarning("Milestone {Milestone} could not complete task {Task}: {Errors}", item.Code, task, string.Join("; ", outcome.Errors));
                }
            }
        }

        if (work.Count > 0)
        {
            var ids = work.Select(w => w.Id).ToList();
            var now = clock.GetUtcNow();
            await db.MilestoneAchievements.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.TasksCompletedAt, now), cancellationToken);
        }

        return completed;
    }

    private async Task<(int Brands, int Changes)> EvaluateTiersAsync(IReadOnlyCollection<Guid>? brandIds, CancellationToken cancellationToken)
    {
        var months = new Dictionary<Guid, List<MonthlyGmv>>();
        var firstPaid = new Dictionary<Guid, DateOnly>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = $"""
                SELECT m."BrandId", substr(m."Date", 1, 7), COALESCE(SUM(m."Gmv"), 0),
                       MIN(CASE WHEN m."PaidOrders" > 0 OR (m."PaidOrders" IS NULL AND m."Gmv" > 0) THEN m."Date" END)
                FROM "DailyMetrics" m
                WHERE 1 = 1 {Filter(brandIds, "m")}
                GROUP BY m."BrandId", substr(m."Date", 1, 7)
                """;
            AddBrands(command, brandIds);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var brand = Guid.Parse(reader.GetString(0));
                var month = DateOnly.ParseExact(reader.GetString(1) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (!months.TryGetValue(brand, out var list))
                {
                    months[brand] = list = [];
                }

                list.Add(new MonthlyGmv(month, reader.GetInt64(2) / MetricStorage.FenPerYuan));
                if (!reader.IsDBNull(3))
                {
                    var day = DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    if (!firstPaid.TryGetValue(brand, out var known) || day < known)
                    {
                        firstPaid[brand] = day;
                    }
                }
            }
        }

        var recorded = db.Set<TierChange>().AsNoTracking();
        if (brandIds is not null)
        {
            // An incremental run reads only its brands' history, not every brand's.
            recorded = recorded.Where(c => brandIds.Contains(c.BrandId));
        }

        var lastRecorded = await recorded
            .GroupBy(c => c.BrandId)
            .Select(g => new { BrandId = g.Key, Last = g.Max(c => c.EffectiveFrom) })
            .ToDictionaryAsync(x => x.BrandId, x => x.Last, cancellationToken);

        var options = tierOptions.CurrentValue;
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var changes = 0;
        foreach (var (brand, list) in months)
        {
            var moves = TierEvaluator.Replay(list, firstPaid.TryGetValue(brand, out var paid) ? paid : null, today, options);
            var since = lastRecorded.TryGetValue(brand, out var last) ? last : DateOnly.MinValue;
            foreach (var move in moves.Where(m => m.EffectiveFrom > since))
            {
                var change = await growth.RecordTierChangeAsync(brand, move.To, move.EffectiveFrom, Explain(move, options), TierChangeSource.Metrics, null, cancellationToken);
                if (change is not null)
                {
                    changes++;
                }
            }
        }

        return (months.Count, changes);
    }

    /// <summary>The sentence a tier move is recorded with, in English and Chinese ("SKA since 2026-08: GMV ¥12.3M in 2026-07").</summary>
    public string Explain(TierMove move, TierOptions options)
    {
        string In(string culture)
        {
            using var _ = PortalCultures.Use(culture);
            var tier = strings[$"Metrics_Tier_{move.To}"].Value;
            var month = move.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            return move.Reason switch
            {
                TierChangeReason.FirstPaidOrder => strings["Metrics_TierFirstPaidOrder", tier, move.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                TierChangeReason.Promotion => strings["Metrics_TierPromoted", tier, move.EffectiveFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture), TierEvaluator.Yuan(move.Gmv), month],
                _ => strings["Metrics_TierDemoted", tier, move.EffectiveFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    TierEvaluator.Yuan(move.From == GrowthTier.Ska ? options.SkaMonthlyGmv : options.KaMonthlyGmv), options.DemotionMonths, TierEvaluator.Yuan(move.Gmv), month],
            };
        }

        return $"{In(PortalCultures.English)} / {In(PortalCultures.Chinese)}";
    }
}
