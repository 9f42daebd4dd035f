using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
public sealed record MetricsEvaluationSummary(int Brands, int Milestones, int TasksCompleted, int TierChanges)
{
    /// <summary>How long each phase took (milliseconds), for logs and the benchmark.</summary>
    public IReadOnlyDictionary<string, double> PhaseMilliseconds { get; init; } = new Dictionary<string, double>();

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Brands = {Brands}, Milestones = {Milestones}, TasksCompleted = {TasksCompleted}, TierChanges = {TierChanges}");
        return true;
    }
}

/// <summary>
/// Evaluates milestones and growth tiers from the daily figures, for the brands batches touched
/// (<see cref="EvaluatePendingAsync"/>) or for all (<see cref="EvaluateAllAsync"/>, the nightly
/// recompute). Set-based throughout:
/// <list type="number">
/// <item>the touched brands' <see cref="MetricMonth"/> summaries are rebuilt from the first month a batch touched;</item>
/// <item>per milestone definition, one query over the summaries finds the brands that may have reached it
/// (and have not yet), and only for those the daily rows are read to find the exact day;</item>
/// <item>achievements are inserted in one transaction, their tasks completed in one statement through
/// <see cref="JourneyService.CompleteFromMilestonesAsync"/>;</item>
/// <item>tiers are replayed from the monthly GMV in memory (<see cref="TierEvaluator"/>) and the new moves written in one transaction.</item>
/// </list>
/// Idempotent: a milestone is recorded once (unique per brand), completed tasks stay done, and tier
/// moves already recorded are not recorded again.
/// </summary>
public sealed class MetricsEvaluationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    JourneyService journey,
    IOptionsMonitor<TierOptions> tierOptions,
    IStringLocalizer<MetricsStrings> strings,
    TimeProvider clock,
    ILogger<MetricsEvaluationService> logger)
{
    private static readonly ValueConverter Instant = new DateTimeOffsetToBinaryConverter();

    // One evaluation at a time in a process: the incremental job and the nightly one never race.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Evaluates the brands queued by accepted batches and clears the rows it saw.</summary>
    public Task<MetricsEvaluationSummary> EvaluatePendingAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, all: false, cancellationToken);

    /// <summary>Evaluates the given brands, summarising all their figures again.</summary>
    public Task<MetricsEvaluationSummary> EvaluateAsync(IReadOnlyCollection<Guid> brandIds, CancellationToken cancellationToken = default) =>
        RunAsync(brandIds, all: false, cancellationToken);

    /// <summary>Recomputes every brand (the nightly job); brands still queued are summarised first.</summary>
    public Task<MetricsEvaluationSummary> EvaluateAllAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, all: true, cancellationToken);

    private async Task<MetricsEvaluationSummary> RunAsync(IReadOnlyCollection<Guid>? brandIds, bool all, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var pending = await db.PendingMetricsEvaluations.AsNoTracking().ToListAsync(cancellationToken);
            Dictionary<Guid, DateOnly> scope;
            if (brandIds is not null)
            {
                scope = brandIds.Distinct().ToDictionary(id => id, _ => DateOnly.MinValue);
                pending = pending.Where(p => scope.ContainsKey(p.BrandId)).ToList();
            }
            else if (!all && pending.Count == 0)
            {
                return new MetricsEvaluationSummary(0, 0, 0, 0);
            }
            else
            {
                scope = pending.ToDictionary(p => p.BrandId, p => p.FromDate);
            }

            if (all)
            {
                // Self-repair: a brand with daily rows but no summary (figures written around the ingestion service).
                foreach (var brand in await UnsummarisedBrandsAsync(connection, cancellationToken))
                {
                    scope[brand] = DateOnly.MinValue;
                }
            }

            var phases = new Dictionary<string, double>();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            void Lap(string phase)
            {
                phases[phase] = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
            }

            Lap("read pending");
            await FillScopeAsync(connection, scope, cancellationToken);
            Lap("scope");
            await RefreshSummariesAsync(connection, cancellationToken);
            Lap("summaries");
            var scoped = !all;
            var milestones = await RecordMilestonesAsync(db, connection, scoped, cancellationToken);
            Lap("milestones");
            var tasks = await CompleteTasksAsync(connection, scoped, cancellationToken);
            Lap("tasks");
            var (brands, tiers) = await EvaluateTiersAsync(connection, scoped, cancellationToken);
            Lap("tiers");
            await ClearPendingAsync(db, pending, cancellationToken);
            Lap("clear pending");
            logger.LogInformation(
                "Evaluated {Brands} brand(s): {Milestones} milestone(s), {Tasks} task(s), {Tiers} tier change(s); phases (ms) {Phases}",
                brands, milestones, tasks, tiers, string.Join(", ", phases.Select(p => $"{p.Key} {p.Value:F1}")));
            return new MetricsEvaluationSummary(brands, milestones, tasks, tiers) { PhaseMilliseconds = phases };
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<List<Guid>> UnsummarisedBrandsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT b."Id" FROM "Brands" b
            WHERE EXISTS (SELECT 1 FROM "DailyMetrics" m WHERE m."BrandId" = b."Id")
              AND NOT EXISTS (SELECT 1 FROM "MetricMonths" s WHERE s."BrandId" = b."Id")
            """;
        var brands = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            brands.Add(Guid.Parse(reader.GetString(0)));
        }

        return brands;
    }

    /// <summary>The brands in scope and the first day to summarise again, in a temporary table of this connection.</summary>
    private static async Task FillScopeAsync(SqliteConnection connection, IReadOnlyDictionary<Guid, DateOnly> scope, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, """
            CREATE TEMP TABLE IF NOT EXISTS eval_scope ("BrandId" TEXT PRIMARY KEY, "FromDate" TEXT NOT NULL) WITHOUT ROWID;
            CREATE TEMP TABLE IF NOT EXISTS eval_candidates ("BrandId" TEXT PRIMARY KEY, "Month" TEXT) WITHOUT ROWID;
            DELETE FROM eval_scope;
            """, cancellationToken);
        if (scope.Count == 0)
        {
            return;
        }

        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """INSERT INTO eval_scope ("BrandId", "FromDate") VALUES ($b, $d)""";
        var brand = insert.Parameters.Add("$b", SqliteType.Text);
        var day = insert.Parameters.Add("$d", SqliteType.Text);
        insert.Prepare();
        foreach (var (id, from) in scope)
        {
            brand.Value = MetricsIngestionService.Key(id);
            day.Value = MetricsIngestionService.Day(from);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Rebuilds the summaries of the brands in scope from the month of their first touched day on.</summary>
    private static async Task RefreshSummariesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var metrics = MetricMonth.Summarised;
        var columns = string.Join(", ", metrics.SelectMany(m => new[] { MetricMonth.SumColumn(m.Metric), MetricMonth.MaxColumn(m.Metric), MetricMonth.DaysColumn(m.Metric) }).Select(c => $"\"{c}\""));
        var aggregates = string.Join(",\n       ", metrics.Select(m => $"SUM({m.Sql}), MAX({m.Sql}), COUNT(CASE WHEN {m.Sql} > 0 THEN 1 END)"));
        await using var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, transaction, $"""
            DELETE FROM "MetricMonths"
            WHERE rowid IN (SELECT s.rowid FROM eval_scope e CROSS JOIN "MetricMonths" s WHERE s."BrandId" = e."BrandId" AND s."Month" >= substr(e."FromDate", 1, 7));

            INSERT INTO "MetricMonths" ("BrandId", "Month", "LastDate", "FirstPaidDate", "AdGmvWithSpend", {columns})
            SELECT m."BrandId", substr(m."Date", 1, 7), MAX(m."Date"),
                   MIN(CASE WHEN m."PaidOrders" > 0 OR (m."PaidOrders" IS NULL AND m."Gmv" > 0) THEN m."Date" END),
                   SUM(CASE WHEN m."AdSpend" > 0 THEN COALESCE(m."AdGmv", 0) END),
                   {aggregates}
            FROM eval_scope e CROSS JOIN "DailyMetrics" m
            WHERE m."BrandId" = e."BrandId" AND m."Date" >= substr(e."FromDate", 1, 7) || '-01'
            GROUP BY m."BrandId", substr(m."Date", 1, 7);
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ClearPendingAsync(PortalDbContext db, List<PendingMetricsEvaluation> seen, CancellationToken cancellationToken)
    {
        if (seen.Count == 0)
        {
            return;
        }

        // A brand touched again while this ran keeps its newer row and is evaluated by the next job.
        var json = JsonSerializer.Serialize(seen.Select(p => new object[] { MetricsIngestionService.Key(p.BrandId), Instant.ConvertToProvider(p.RequestedAt)! }));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction.GetDbTransaction(), """
            DELETE FROM "PendingMetricsEvaluations"
            WHERE rowid IN (SELECT p.rowid FROM json_each($seen) j JOIN "PendingMetricsEvaluations" p
                            ON p."BrandId" = j.value ->> 0 AND p."RequestedAt" <= j.value ->> 1)
            """, cancellationToken, ("$seen", json));
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The figure as stored (fen, parts per ten thousand, counts) and its scale back to the figure.</summary>
    private static (string Sql, decimal Scale) ValueOf(MetricKind metric) => metric switch
    {
        MetricKind.AdRoi => ("""(CASE WHEN m."AdSpend" > 0 THEN CAST(COALESCE(m."AdGmv", 0) AS REAL) / m."AdSpend" END)""", 1m),
        _ => (MetricMonth.Summarised.Single(s => s.Metric == metric).Sql, metric switch
        {
            MetricKind.Gmv or MetricKind.DistributionGmv or MetricKind.AdSpend or MetricKind.AdGmv or MetricKind.SelfStreamGmv => MetricStorage.FenPerYuan,
            MetricKind.RepurchaseRate => MetricStorage.RateScale,
            _ => 1m,
        }),
    };

    /// <summary>
    /// The brands whose summaries say the milestone may be reached and that have not reached it yet,
    /// with the one month whose daily rows decide where the summaries know it: exact for monthly sums,
    /// largest days and counts of days; for the latest value, the brand's last month with that figure.
    /// </summary>
    private static string CandidatesSql(MilestoneDefinition definition, bool scoped)
    {
        var from = scoped ? """eval_scope e CROSS JOIN "MetricMonths" s ON s."BrandId" = e."BrandId" """ : """ "MetricMonths" s""";
        var open = """NOT EXISTS (SELECT 1 FROM "MilestoneAchievements" a WHERE a."BrandId" = s."BrandId" AND a."MilestoneDefinitionId" = $definition)""";
        const string Insert = """INSERT INTO eval_candidates ("BrandId", "Month")""";
        var roi = definition.Metric == MetricKind.AdRoi;
        var adSpendSum = MetricMonth.SumColumn(MetricKind.AdSpend);
        if (definition.Aggregation == MilestoneAggregation.DaysWithValue)
        {
            var days = MetricMonth.DaysColumn(roi ? MetricKind.AdSpend : definition.Metric);
            return $"""
                {Insert}
                SELECT s."BrandId", NULL FROM {from}
                WHERE {open}
                GROUP BY s."BrandId" HAVING SUM(s."{days}") >= $threshold
                """;
        }

        if (roi && definition.Aggregation != MilestoneAggregation.MonthlySum)
        {
            // A day's ROI is not in the summaries: every brand with ad spend and without the milestone.
            return $"""
                {Insert}
                SELECT s."BrandId", NULL FROM {from}
                WHERE s."{MetricMonth.DaysColumn(MetricKind.AdSpend)}" > 0 AND {open}
                GROUP BY s."BrandId"
                """;
        }

        if (definition.Aggregation == MilestoneAggregation.Latest)
        {
            var max = MetricMonth.MaxColumn(definition.Metric);
            return $"""
                {Insert}
                SELECT s."BrandId", s."Month" FROM {from}
                WHERE s."{max}" >= $threshold AND {open}
                  AND s."Month" = (SELECT MAX(l."Month") FROM "MetricMonths" l WHERE l."BrandId" = s."BrandId" AND l."{max}" IS NOT NULL)
                """;
        }

        var condition = (definition.Aggregation, roi) switch
        {
            (MilestoneAggregation.MonthlySum, true) => $"""s."{adSpendSum}" > 0 AND s."AdGmvWithSpend" >= $threshold * s."{adSpendSum}" """,
            (MilestoneAggregation.MonthlySum, false) => $"""s."{MetricMonth.SumColumn(definition.Metric)}" >= $threshold""",
            _ => $"""s."{MetricMonth.MaxColumn(definition.Metric)}" >= $threshold""",
        };

        // The first month that meets it holds the day: earlier months' sums and largest days stayed below.
        return $"""
            {Insert}
            SELECT s."BrandId", MIN(s."Month") FROM {from}
            WHERE {condition} AND {open}
            GROUP BY s."BrandId"
            """;
    }

    /// <summary>For the candidates: the day the milestone was reached and the figure that proved it.</summary>
    private static string MilestoneSql(MilestoneDefinition definition)
    {
        var (value, _) = ValueOf(definition.Metric);
        const string scope = """
            FROM eval_candidates c CROSS JOIN "DailyMetrics" m
            WHERE m."BrandId" = c."BrandId"
              AND m."Date" >= COALESCE(c."Month" || '-01', '0000') AND m."Date" < COALESCE(c."Month" || '-32', '9999')
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

    private async Task<int> RecordMilestonesAsync(PortalDbContext db, SqliteConnection connection, bool scoped, CancellationToken cancellationToken)
    {
        var definitions = await db.MilestoneDefinitions.AsNoTracking().Where(d => d.IsActive).ToListAsync(cancellationToken);
        var found = new List<MilestoneAchievement>();
        foreach (var definition in definitions)
        {
            var (_, scale) = ValueOf(definition.Metric);
            object threshold = definition.Aggregation == MilestoneAggregation.DaysWithValue
                ? (long)Math.Ceiling(definition.Threshold)
                : definition.Metric == MetricKind.AdRoi ? (double)definition.Threshold : (long)Math.Ceiling(definition.Threshold * scale);
            var parameters = new (string, object)[] { ("$definition", MetricsIngestionService.Key(definition.Id)), ("$threshold", threshold) };
            await ExecuteAsync(connection, null, "DELETE FROM eval_candidates", cancellationToken);
            if (await ExecuteAsync(connection, null, CandidatesSql(definition, scoped), cancellationToken, parameters) == 0)
            {
                continue;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = MilestoneSql(definition);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

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
            var stamp = Instant.ConvertToProvider(clock.GetUtcNow())!;
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT OR IGNORE INTO "MilestoneAchievements" ("Id", "BrandId", "MilestoneDefinitionId", "AchievedOn", "Value", "Period", "TasksCompletedAt", "CreatedAt")
                VALUES ($id, $brand, $definition, $on, $value, $period, NULL, $at)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var brand = insert.Parameters.Add("$brand", SqliteType.Text);
            var definitionId = insert.Parameters.Add("$definition", SqliteType.Text);
            var on = insert.Parameters.Add("$on", SqliteType.Text);
            var amount = insert.Parameters.Add("$value", SqliteType.Text);
            var period = insert.Parameters.Add("$period", SqliteType.Text);
            insert.Parameters.AddWithValue("$at", stamp);
            insert.Prepare();
            foreach (var achievement in found)
            {
                id.Value = MetricsIngestionService.Key(achievement.Id);
                brand.Value = MetricsIngestionService.Key(achievement.BrandId);
                definitionId.Value = MetricsIngestionService.Key(achievement.MilestoneDefinitionId);
                on.Value = MetricsIngestionService.Day(achievement.AchievedOn);
                // How EF Core's SQLite provider writes a decimal.
                amount.Value = achievement.Value.ToString("0.0###########################", CultureInfo.InvariantCulture);
                period.Value = achievement.Period;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            // Portfolio refresh queue (see PortfolioRefreshQueue): the brands' last milestone, in this transaction.
            await Portfolio.PortfolioRefreshQueue.EnqueueAsync(connection, transaction, found.Select(a => a.BrandId), clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Recorded {Count} milestone(s)", found.Count);
        }

        return found.Count;
    }

    private async Task<int> CompleteTasksAsync(SqliteConnection connection, bool scoped, CancellationToken cancellationToken)
    {
        var work = new List<(Guid Brand, string Task)>();
        var achievements = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT a."Id", a."BrandId", d."TaskCodes"
                FROM {(scoped ? """eval_scope e CROSS JOIN "MilestoneAchievements" a ON a."BrandId" = e."BrandId" """ : """ "MilestoneAchievements" a""")}
                JOIN "MilestoneDefinitions" d ON d."Id" = a."MilestoneDefinitionId"
                WHERE a."TasksCompletedAt" IS NULL
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                achievements.Add(reader.GetString(0));
                var brand = Guid.Parse(reader.GetString(1));
                foreach (var task in JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [])
                {
                    work.Add((brand, task));
                }
            }
        }

        if (achievements.Count == 0)
        {
            return 0;
        }

        var completed = work.Count == 0 ? 0 : await journey.CompleteFromMilestonesAsync(work, cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await ExecuteAsync(connection, transaction, """
            UPDATE "MilestoneAchievements" SET "TasksCompletedAt" = $at
            WHERE "Id" IN (SELECT value FROM json_each($ids))
            """, cancellationToken, ("$at", Instant.ConvertToProvider(clock.GetUtcNow())!), ("$ids", JsonSerializer.Serialize(achievements)));
        await transaction.CommitAsync(cancellationToken);
        return completed;
    }

    private async Task<(int Brands, int Changes)> EvaluateTiersAsync(SqliteConnection connection, bool scoped, CancellationToken cancellationToken)
    {
        // The scope drives the joins (CROSS JOIN fixes SQLite's join order: the temp table has no statistics).
        string From(string table, string key) => scoped ? $"""eval_scope e CROSS JOIN "{table}" x ON x."{key}" = e."BrandId" """ : $""" "{table}" x""";
        var months = new Dictionary<Guid, List<MonthlyGmv>>();
        var firstPaid = new Dictionary<Guid, DateOnly>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT x."BrandId", x."Month", COALESCE(x."{MetricMonth.SumColumn(MetricKind.Gmv)}", 0), x."FirstPaidDate"
                FROM {From("MetricMonths", "BrandId")}
                """;
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

        // Each brand's last recorded move and current tier, read in one query.
        var state = new Dictionary<Guid, (DateOnly Since, GrowthTier Tier)>(months.Count);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT x."Id", x."Tier", (SELECT MAX(c."EffectiveFrom") FROM "TierChanges" c WHERE c."BrandId" = x."Id")
                FROM {From("Brands", "Id")}
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var since = reader.IsDBNull(2) ? DateOnly.MinValue : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                state[Guid.Parse(reader.GetString(0))] = (since, Enum.Parse<GrowthTier>(reader.GetString(1)));
            }
        }

        var options = tierOptions.CurrentValue;
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

                var facts = TierChangeFacts.Of(move, options);
                changes.Add(new TierChange
                {
                    BrandId = brand,
                    From = tier,
                    To = move.To,
                    EffectiveFrom = move.EffectiveFrom,
                    Explanation = Explain(move, options),
                    Reason = facts.Reason,
                    ProofMonth = facts.ProofMonth,
                    Gmv = facts.Gmv,
                    Threshold = facts.Threshold,
                    Months = facts.Months,
                    Source = TierChangeSource.Metrics,
                });
                tier = move.To;
            }

            if (tier != current.Tier)
            {
                tiers[brand] = tier;
            }
        }

        if (changes.Count > 0)
        {
            await RecordTierChangesAsync(connection, changes, tiers, cancellationToken);
        }

        return (months.Count, changes.Count);
    }

    private async Task RecordTierChangesAsync(SqliteConnection connection, List<TierChange> changes, Dictionary<Guid, GrowthTier> tiers, CancellationToken cancellationToken)
    {
        var stamp = Instant.ConvertToProvider(clock.GetUtcNow())!;
        await using var transaction = connection.BeginTransaction();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "TierChanges" ("Id", "BrandId", "From", "To", "EffectiveFrom", "Explanation", "Reason", "ProofMonth", "Gmv", "Threshold", "Months", "Source", "ChangedByUserId", "CreatedAt")
                VALUES ($id, $brand, $from, $to, $on, $why, $reason, $month, $gmv, $threshold, $months, $source, NULL, $at)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var brand = insert.Parameters.Add("$brand", SqliteType.Text);
            var from = insert.Parameters.Add("$from", SqliteType.Text);
            var to = insert.Parameters.Add("$to", SqliteType.Text);
            var on = insert.Parameters.Add("$on", SqliteType.Text);
            var why = insert.Parameters.Add("$why", SqliteType.Text);
            var reason = insert.Parameters.Add("$reason", SqliteType.Text);
            var month = insert.Parameters.Add("$month", SqliteType.Text);
            var gmv = insert.Parameters.Add("$gmv", SqliteType.Integer);
            var threshold = insert.Parameters.Add("$threshold", SqliteType.Integer);
            var months = insert.Parameters.Add("$months", SqliteType.Integer);
            insert.Parameters.AddWithValue("$source", nameof(TierChangeSource.Metrics));
            insert.Parameters.AddWithValue("$at", stamp);
            insert.Prepare();
            foreach (var change in changes)
            {
                id.Value = MetricsIngestionService.Key(change.Id);
                brand.Value = MetricsIngestionService.Key(change.BrandId);
                from.Value = change.From.ToString();
                to.Value = change.To.ToString();
                on.Value = MetricsIngestionService.Day(change.EffectiveFrom);
                why.Value = change.Explanation;
                reason.Value = change.Reason?.ToString() ?? (object)DBNull.Value;
                month.Value = change.ProofMonth is { } proof ? MetricsIngestionService.Day(proof) : DBNull.Value;
                gmv.Value = change.Gmv is { } g ? (long)(g * MetricStorage.FenPerYuan) : DBNull.Value;
                threshold.Value = change.Threshold is { } t ? (long)(t * MetricStorage.FenPerYuan) : DBNull.Value;
                months.Value = change.Months ?? (object)DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """UPDATE "Brands" SET "Tier" = $tier WHERE "Id" = $id""";
            var tier = update.Parameters.Add("$tier", SqliteType.Text);
            var id = update.Parameters.Add("$id", SqliteType.Text);
            update.Prepare();
            foreach (var (brand, to) in tiers)
            {
                tier.Value = to.ToString();
                id.Value = MetricsIngestionService.Key(brand);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // Portfolio refresh queue (see PortfolioRefreshQueue): the brands' new tier, in this transaction.
        await Portfolio.PortfolioRefreshQueue.EnqueueAsync(connection, transaction, changes.Select(c => c.BrandId).Concat(tiers.Keys), clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The sentence a tier move is also stored with, in English and Chinese: what notifications and rows read
    /// before the facts were kept show. Screens build it from the facts in the reader's language (<see cref="TierExplanations"/>).
    /// </summary>
    public string Explain(TierMove move, TierOptions options)
    {
        var facts = TierChangeFacts.Of(move, options);
        string In(string culture) => TierExplanations.Render(strings, culture, move.To, move.EffectiveFrom, facts, "");
        return $"{In(PortalCultures.English)} / {In(PortalCultures.Chinese)}";
    }
}
