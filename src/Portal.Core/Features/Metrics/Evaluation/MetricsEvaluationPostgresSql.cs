using Portal.Core.Data;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// The PostgreSQL twin of every statement in <see cref="MetricsEvaluationSql"/>, same names, same parameters and
/// same result columns, chosen by <see cref="EvaluationRun.OnPostgres"/>. The differences: the temporary tables are
/// per session (<c>ON COMMIT PRESERVE ROWS</c>) with native types; days are <c>date</c> (months stay
/// <c>yyyy-MM</c> text: through <c>StoredValues</c>, and a month's days are the range from its first day
/// to the next month's); a plain <c>JOIN</c> for SQLite's <c>CROSS JOIN ... ON</c> (which only fixed SQLite's join
/// order); ratios in <c>double precision</c>; <c>ON CONFLICT DO NOTHING</c> for <c>INSERT OR IGNORE</c>; arrays
/// with <c>unnest</c> for <c>json_each</c>; no <c>rowid</c>; and the summaries rebuilt in one statement
/// (<see cref="RefreshSummaries"/>) where SQLite takes one per month.
/// </summary>
internal static class MetricsEvaluationPostgresSql
{
    // Before every statement built from them (static fields start in the order they are written).
    private static readonly StoredValues Stored = StoredValues.Postgres;
    private static readonly string Month = Stored.MonthOfSql("m.\"Date\"");

    public const string CreateScope = """
        CREATE TEMP TABLE IF NOT EXISTS eval_scope ("BrandId" uuid PRIMARY KEY, "FromDate" date NOT NULL) ON COMMIT PRESERVE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS eval_candidates ("DefinitionId" uuid NOT NULL, "BrandId" uuid NOT NULL, "Month" text, PRIMARY KEY ("DefinitionId", "BrandId")) ON COMMIT PRESERVE ROWS;
        DELETE FROM eval_scope;
        """;

    /// <summary>
    /// The whole scope in one statement (<c>@brands</c> uuid[], <c>@days</c> date[]), then statistics for the planner.
    /// "From the first day" (<see cref="DateOnly.MinValue"/>) arrives as <c>-infinity</c> (Npgsql's mapping), whose
    /// <c>to_char</c> is NULL: the statements below treat it as before every month.
    /// </summary>
    public const string InsertScope = """
        INSERT INTO eval_scope ("BrandId", "FromDate") SELECT * FROM unnest(@brands, @days);
        ANALYZE eval_scope;
        """;

    /// <summary>Rebuilds the scope's summaries from the month of each brand's first touched day on, all months in one statement.</summary>
    public static string RefreshSummaries { get; } = BuildRefreshSummaries();

    /// <summary>A figure as stored; a day's ad ROI is computed in double precision (SQLite's REAL).</summary>
    public static string ValueOf(MetricKind metric) => metric == MetricKind.AdRoi
        ? """(CASE WHEN m."AdSpend" > 0 THEN CAST(COALESCE(m."AdGmv", 0) AS double precision) / m."AdSpend" END)"""
        : Dialect(MetricsEvaluationSql.ValueOf(metric));

    public const string ClearCandidates = MetricsEvaluationSql.ClearCandidates;

    /// <summary>As on SQLite: the statement reads only the summaries (months as text on both engines).</summary>
    public static string Candidates(IReadOnlyList<MilestoneDefinition> definitions, bool scoped) => Joins(MetricsEvaluationSql.Candidates(definitions, scoped));

    public const string CandidateDefinitions = MetricsEvaluationSql.CandidateDefinitions;

    public static string MilestoneDays(MilestoneDefinition definition)
    {
        var value = ValueOf(definition.Metric);
        var scope = $"""
            FROM eval_candidates c JOIN "DailyMetrics" m ON m."BrandId" = c."BrandId"
            WHERE c."DefinitionId" = @definition AND m."Date" >= COALESCE({Stored.MonthStartSql("c.\"Month\"")}, DATE '-infinity')
              AND m."Date" < COALESCE({Stored.AfterMonthSql("c.\"Month\"")}, DATE 'infinity')
            """;
        return (definition.Aggregation, definition.Metric) switch
        {
            (MilestoneAggregation.MonthlySum, MetricKind.AdRoi) => $"""
                SELECT brand_id, last_date, roi FROM (
                    SELECT brand_id, last_date, CAST(ad_gmv AS double precision) / ad_spend AS roi, ROW_NUMBER() OVER (PARTITION BY brand_id ORDER BY month) AS rn
                    FROM (SELECT m."BrandId" AS brand_id, {Month} AS month, MAX(m."Date") AS last_date,
                                 SUM(COALESCE(m."AdGmv", 0)) AS ad_gmv, SUM(m."AdSpend") AS ad_spend
                          {scope} AND m."AdSpend" > 0
                          GROUP BY m."BrandId", {Month}) AS months
                    WHERE ad_gmv >= @threshold * ad_spend) AS reached
                WHERE rn = 1
                """,
            (MilestoneAggregation.MonthlySum, _) => $"""
                SELECT brand_id, day, total FROM (
                    SELECT brand_id, day, total, ROW_NUMBER() OVER (PARTITION BY brand_id ORDER BY day) AS rn FROM (
                        SELECT m."BrandId" AS brand_id, m."Date" AS day,
                               SUM({value}) OVER (PARTITION BY m."BrandId", {Month} ORDER BY m."Date") AS total
                        {scope} AND {value} IS NOT NULL) AS running
                    WHERE total >= @threshold) AS reached
                WHERE rn = 1
                """,
            (MilestoneAggregation.Maximum, _) => $"""
                SELECT brand_id, day, value FROM (
                    SELECT m."BrandId" AS brand_id, m."Date" AS day, {value} AS value,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date") AS rn
                    {scope} AND {value} >= @threshold) AS reached
                WHERE rn = 1
                """,
            (MilestoneAggregation.Latest, _) => $"""
                SELECT brand_id, day, value FROM (
                    SELECT m."BrandId" AS brand_id, m."Date" AS day, {value} AS value,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date" DESC) AS rn
                    {scope} AND {value} IS NOT NULL) AS latest
                WHERE rn = 1 AND value >= @threshold
                """,
            (MilestoneAggregation.DaysWithValue, _) => $"""
                SELECT brand_id, day, rn FROM (
                    SELECT m."BrandId" AS brand_id, m."Date" AS day,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date") AS rn
                    {scope} AND {value} > 0) AS counted
                WHERE rn = @threshold
                """,
            _ => throw new InvalidOperationException($"Unknown aggregation {definition.Aggregation}."),
        };
    }

    /// <summary>A milestone once per brand: a row already there (the unique index) is kept.</summary>
    public const string InsertMilestone = """
        INSERT INTO "MilestoneAchievements" ("Id", "BrandId", "MilestoneDefinitionId", "AchievedOn", "Value", "Period", "TasksCompletedAt", "CreatedAt")
        VALUES (@id, @brand, @definition, @on, @value, @period, NULL, @at)
        ON CONFLICT DO NOTHING
        """;

    /// <summary>As on SQLite; <c>TaskCodes</c> reads as a <c>text[]</c> here (JSON text there).</summary>
    public static string OpenTaskCompletions(bool scoped) => Joins(MetricsEvaluationSql.OpenTaskCompletions(scoped));

    public static string MonthlyGmv(bool scoped) => Joins(MetricsEvaluationSql.MonthlyGmv(scoped));

    public static string TierState(bool scoped) => Joins(MetricsEvaluationSql.TierState(scoped));

    public const string InsertTierChange = MetricsEvaluationSql.InsertTierChange;

    /// <summary>
    /// Deletes the queue rows the run saw (<c>@brands</c> uuid[], <c>@versions</c> bigint[], <c>@requested</c> timestamptz[], side by side), locking
    /// them in brand order first: the order a batch's upsert queues them in, so the two never deadlock.
    /// </summary>
    public const string ClearPending = """
        DELETE FROM "PendingMetricsEvaluations" p
        USING (SELECT q."BrandId"
               FROM "PendingMetricsEvaluations" q
               JOIN unnest(@brands, @versions, @requested) AS seen (brand_id, version, requested_at)
                 ON q."BrandId" = seen.brand_id AND q."Version" = seen.version AND q."RequestedAt" = seen.requested_at
               ORDER BY q."BrandId"
               FOR UPDATE OF q) AS locked
        WHERE p."BrandId" = locked."BrandId"
        """;

    /// <summary>SQLite's <c>CROSS JOIN ... ON</c> (a join order hint) as PostgreSQL's plain join.</summary>
    private static string Joins(string sqlite) => sqlite.Replace("CROSS JOIN", "JOIN", StringComparison.Ordinal);

    /// <summary>SQLite's two-argument scalar <c>MAX</c> (in <see cref="MetricMonth.Summarised"/>) as <c>GREATEST</c>.</summary>
    private static string Dialect(string sqlite) => sqlite.Replace("MAX(0, ", "GREATEST(0, ", StringComparison.Ordinal);

    private static string BuildRefreshSummaries()
    {
        var metrics = MetricMonth.Summarised.Select(m => (m.Metric, Sql: Dialect(m.Sql))).ToList();
        var columns = string.Join(", ", metrics.SelectMany(m => new[] { MetricMonth.SumColumn(m.Metric), MetricMonth.MaxColumn(m.Metric), MetricMonth.DaysColumn(m.Metric) }).Select(c => $"\"{c}\""));
        var aggregates = string.Join(",\n       ", metrics.Select(m => $"SUM({m.Sql}), MAX({m.Sql}), COUNT(CASE WHEN {m.Sql} > 0 THEN 1 END)"));
        return $"""
            DELETE FROM "MetricMonths" s USING eval_scope e
            WHERE s."BrandId" = e."BrandId" AND s."Month" >= COALESCE({Stored.MonthOfSql("e.\"FromDate\"")}, '');

            INSERT INTO "MetricMonths" ("BrandId", "Month", "LastDate", "FirstPaidDate", "AdGmvWithSpend", {columns})
            SELECT m."BrandId", {Month}, MAX(m."Date"),
                   MIN(CASE WHEN m."PaidOrders" > 0 OR (m."PaidOrders" IS NULL AND m."Gmv" > 0) THEN m."Date" END),
                   SUM(CASE WHEN m."AdSpend" > 0 THEN COALESCE(m."AdGmv", 0) END),
                   {aggregates}
            FROM eval_scope e JOIN "DailyMetrics" m ON m."BrandId" = e."BrandId"
            WHERE m."Date" >= CAST(date_trunc('month', e."FromDate") AS date)
            GROUP BY m."BrandId", {Month};
            """;
    }
}
