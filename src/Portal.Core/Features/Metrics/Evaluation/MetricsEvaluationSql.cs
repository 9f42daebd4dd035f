using Portal.Core.Data;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// Every SQLite statement of the metrics evaluation, in one place: what a PostgreSQL twin of the
/// evaluation rewrites (temporary tables, <c>json_each</c>, months of ISO-day text through <c>StoredValues</c>, <c>INSERT OR IGNORE</c>).
/// The phases bind values as <see cref="Data.StoredValues"/> writes them. A scoped run puts its brands in the
/// temporary table <c>eval_scope</c> and joins from it with <c>CROSS JOIN</c>, which fixes SQLite's join order
/// (a temporary table has no statistics, and the planner would otherwise scan <c>DailyMetrics</c>).
/// </summary>
internal static class MetricsEvaluationSql
{
    // Before every statement built from them (static fields start in the order they are written).
    private static readonly StoredValues Stored = StoredValues.Sqlite;
    private static readonly string Month = Stored.MonthOfSql("m.\"Date\"");

    /// <summary>The scope (brands and the first day to summarise again) and the milestone candidates, per connection.</summary>
    public const string CreateScope = """
        CREATE TEMP TABLE IF NOT EXISTS eval_scope ("BrandId" TEXT PRIMARY KEY, "FromDate" TEXT NOT NULL) WITHOUT ROWID;
        CREATE TEMP TABLE IF NOT EXISTS eval_candidates ("DefinitionId" TEXT NOT NULL, "BrandId" TEXT NOT NULL, "Month" TEXT, PRIMARY KEY ("DefinitionId", "BrandId")) WITHOUT ROWID;
        DELETE FROM eval_scope;
        """;

    public const string InsertScope = """INSERT INTO eval_scope ("BrandId", "FromDate") VALUES (@b, @d)""";

    /// <summary>Deletes the scope's summaries from the month of each brand's first touched day on (rebuilt per month by <see cref="RefreshSummaryMonth"/>).</summary>
    public static readonly string DeleteSummaries = $"""
        DELETE FROM "MetricMonths"
        WHERE rowid IN (SELECT s.rowid FROM eval_scope e CROSS JOIN "MetricMonths" s WHERE s."BrandId" = e."BrandId" AND s."Month" >= {Stored.MonthOfSql("e.\"FromDate\"")});
        """;

    /// <summary>
    /// The first and the last day whose month may need a summary: the scope's earliest touched day (no earlier than
    /// the first daily row) and the last daily row; NULLs when there are no daily rows. Both ends through the index on <c>Date</c>.
    /// </summary>
    public const string SummaryDays = """
        SELECT MAX((SELECT MIN("FromDate") FROM eval_scope), (SELECT MIN("Date") FROM "DailyMetrics")), (SELECT MAX("Date") FROM "DailyMetrics")
        """;

    /// <summary>
    /// One month's (<c>@month</c>, <c>yyyy-MM</c>) summaries of the scope's brands touched in or before it. One
    /// statement per month, grouped by the scope's key: the rows arrive in that order through the daily key, so
    /// SQLite aggregates them as they come instead of sorting every row by brand and month first.
    /// </summary>
    public static string RefreshSummaryMonth { get; } = BuildRefreshSummaryMonth();

    /// <summary>A figure as stored (fen, parts per ten thousand, counts); a day's ad ROI is computed.</summary>
    public static string ValueOf(MetricKind metric) => metric == MetricKind.AdRoi
        ? """(CASE WHEN m."AdSpend" > 0 THEN CAST(COALESCE(m."AdGmv", 0) AS REAL) / m."AdSpend" END)"""
        : MetricMonth.Summarised.Single(s => s.Metric == metric).Sql;

    public const string ClearCandidates = "DELETE FROM eval_candidates";

    /// <summary>
    /// Fills <c>eval_candidates</c> for these definitions in one statement (one <c>SELECT</c> per definition, joined by
    /// <c>UNION ALL</c>; <c>@definition{i}</c> and <c>@threshold{i}</c> in storage units for the i-th): the brands whose
    /// summaries say the milestone may be reached and that have not reached it yet, with the one month whose daily
    /// rows decide where the summaries know it: exact for monthly sums, largest days and counts of days; for the
    /// latest value, the brand's last month with that figure. A small run that reaches nothing costs this one statement.
    /// </summary>
    public static string Candidates(IReadOnlyList<MilestoneDefinition> definitions, bool scoped) =>
        """INSERT INTO eval_candidates ("DefinitionId", "BrandId", "Month")""" + "\n"
        + string.Join("\nUNION ALL\n", definitions.Select((definition, i) => CandidateRows(definition, scoped)
            .Replace("@definition", $"@definition{i}", StringComparison.Ordinal)
            .Replace("@threshold", $"@threshold{i}", StringComparison.Ordinal)));

    /// <summary>The definitions with candidates, to read the daily rows for (<see cref="MilestoneDays"/>).</summary>
    public const string CandidateDefinitions = """SELECT DISTINCT "DefinitionId" FROM eval_candidates""";

    /// <summary>One definition's candidates: definition, brand, month (<c>@definition</c>, <c>@threshold</c>).</summary>
    private static string CandidateRows(MilestoneDefinition definition, bool scoped)
    {
        var from = scoped ? """eval_scope e CROSS JOIN "MetricMonths" s ON s."BrandId" = e."BrandId" """ : """ "MetricMonths" s""";
        var open = """NOT EXISTS (SELECT 1 FROM "MilestoneAchievements" a WHERE a."BrandId" = s."BrandId" AND a."MilestoneDefinitionId" = @definition)""";
        const string Insert = "SELECT @definition,";
        var roi = definition.Metric == MetricKind.AdRoi;
        var adSpendSum = MetricMonth.SumColumn(MetricKind.AdSpend);
        if (definition.Aggregation == MilestoneAggregation.DaysWithValue)
        {
            var days = MetricMonth.DaysColumn(roi ? MetricKind.AdSpend : definition.Metric);
            return $"""
                {Insert} s."BrandId", NULL FROM {from}
                WHERE {open}
                GROUP BY s."BrandId" HAVING SUM(s."{days}") >= @threshold
                """;
        }

        if (roi && definition.Aggregation != MilestoneAggregation.MonthlySum)
        {
            // A day's ROI is not in the summaries: every brand with ad spend and without the milestone.
            return $"""
                {Insert} s."BrandId", NULL FROM {from}
                WHERE s."{MetricMonth.DaysColumn(MetricKind.AdSpend)}" > 0 AND {open}
                GROUP BY s."BrandId"
                """;
        }

        if (definition.Aggregation == MilestoneAggregation.Latest)
        {
            var max = MetricMonth.MaxColumn(definition.Metric);
            return $"""
                {Insert} s."BrandId", s."Month" FROM {from}
                WHERE s."{max}" >= @threshold AND {open}
                  AND s."Month" = (SELECT MAX(l."Month") FROM "MetricMonths" l WHERE l."BrandId" = s."BrandId" AND l."{max}" IS NOT NULL)
                """;
        }

        var condition = (definition.Aggregation, roi) switch
        {
            (MilestoneAggregation.MonthlySum, true) => $"""s."{adSpendSum}" > 0 AND s."AdGmvWithSpend" >= @threshold * s."{adSpendSum}" """,
            (MilestoneAggregation.MonthlySum, false) => $"""s."{MetricMonth.SumColumn(definition.Metric)}" >= @threshold""",
            _ => $"""s."{MetricMonth.MaxColumn(definition.Metric)}" >= @threshold""",
        };

        // The first month that meets it holds the day: earlier months' sums and largest days stayed below.
        return $"""
            {Insert} s."BrandId", MIN(s."Month") FROM {from}
            WHERE {condition} AND {open}
            GROUP BY s."BrandId"
            """;
    }

    /// <summary>For the candidates: brand, the day the milestone was reached and the figure that proved it.</summary>
    public static string MilestoneDays(MilestoneDefinition definition)
    {
        var value = ValueOf(definition.Metric);
        var scope = $"""
            FROM eval_candidates c CROSS JOIN "DailyMetrics" m
            WHERE c."DefinitionId" = @definition AND m."BrandId" = c."BrandId"
              AND m."Date" >= COALESCE({Stored.MonthStartSql("c.\"Month\"")}, '0000') AND m."Date" < COALESCE({Stored.AfterMonthSql("c.\"Month\"")}, '9999')
            """;
        return (definition.Aggregation, definition.Metric) switch
        {
            (MilestoneAggregation.MonthlySum, MetricKind.AdRoi) => $"""
                SELECT BrandId, LastDate, Roi FROM (
                    SELECT BrandId, LastDate, CAST(AdGmv AS REAL) / AdSpend AS Roi, ROW_NUMBER() OVER (PARTITION BY BrandId ORDER BY Month) AS Rn
                    FROM (SELECT m."BrandId" AS BrandId, {Month} AS Month, MAX(m."Date") AS LastDate,
                                 SUM(COALESCE(m."AdGmv", 0)) AS AdGmv, SUM(m."AdSpend") AS AdSpend
                          {scope} AND m."AdSpend" > 0
                          GROUP BY m."BrandId", {Month})
                    WHERE AdGmv >= @threshold * AdSpend)
                WHERE Rn = 1
                """,
            (MilestoneAggregation.MonthlySum, _) => $"""
                SELECT BrandId, Date, Total FROM (
                    SELECT BrandId, Date, Total, ROW_NUMBER() OVER (PARTITION BY BrandId ORDER BY Date) AS Rn FROM (
                        SELECT m."BrandId" AS BrandId, m."Date" AS Date,
                               SUM({value}) OVER (PARTITION BY m."BrandId", {Month} ORDER BY m."Date") AS Total
                        {scope} AND {value} IS NOT NULL)
                    WHERE Total >= @threshold)
                WHERE Rn = 1
                """,
            (MilestoneAggregation.Maximum, _) => $"""
                SELECT BrandId, Date, Value FROM (
                    SELECT m."BrandId" AS BrandId, m."Date" AS Date, {value} AS Value,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date") AS Rn
                    {scope} AND {value} >= @threshold)
                WHERE Rn = 1
                """,
            (MilestoneAggregation.Latest, _) => $"""
                SELECT BrandId, Date, Value FROM (
                    SELECT m."BrandId" AS BrandId, m."Date" AS Date, {value} AS Value,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date" DESC) AS Rn
                    {scope} AND {value} IS NOT NULL)
                WHERE Rn = 1 AND Value >= @threshold
                """,
            (MilestoneAggregation.DaysWithValue, _) => $"""
                SELECT BrandId, Date, Rn FROM (
                    SELECT m."BrandId" AS BrandId, m."Date" AS Date,
                           ROW_NUMBER() OVER (PARTITION BY m."BrandId" ORDER BY m."Date") AS Rn
                    {scope} AND {value} > 0)
                WHERE Rn = @threshold
                """,
            _ => throw new InvalidOperationException($"Unknown aggregation {definition.Aggregation}."),
        };
    }

    /// <summary>A milestone once per brand: a row already there (the unique index) is kept.</summary>
    public const string InsertMilestone = """
        INSERT OR IGNORE INTO "MilestoneAchievements" ("Id", "BrandId", "MilestoneDefinitionId", "AchievedOn", "Value", "Period", "TasksCompletedAt", "CreatedAt")
        VALUES (@id, @brand, @definition, @on, @value, @period, NULL, @at)
        """;

    /// <summary>Achievements whose linked tasks are not completed yet: id, brand, the definition's task codes (JSON).</summary>
    public static string OpenTaskCompletions(bool scoped) => $"""
        SELECT a."Id", a."BrandId", d."TaskCodes"
        FROM {(scoped ? """eval_scope e CROSS JOIN "MilestoneAchievements" a ON a."BrandId" = e."BrandId" """ : """ "MilestoneAchievements" a""")}
        JOIN "MilestoneDefinitions" d ON d."Id" = a."MilestoneDefinitionId"
        WHERE a."TasksCompletedAt" IS NULL
        """;

    /// <summary>Every summarised month of the brands: brand, month, GMV (fen), first paid day.</summary>
    public static string MonthlyGmv(bool scoped) => $"""
        SELECT x."BrandId", x."Month", COALESCE(x."{MetricMonth.SumColumn(MetricKind.Gmv)}", 0), x."FirstPaidDate"
        FROM {From("MetricMonths", "BrandId", scoped)}
        """;

    /// <summary>Each brand's current tier and the day of its last recorded move.</summary>
    public static string TierState(bool scoped) => $"""
        SELECT x."Id", x."Tier", (SELECT MAX(c."EffectiveFrom") FROM "TierChanges" c WHERE c."BrandId" = x."Id")
        FROM {From("Brands", "Id", scoped)}
        """;

    public const string InsertTierChange = """
        INSERT INTO "TierChanges" ("Id", "BrandId", "From", "To", "EffectiveFrom", "Explanation", "Reason", "ProofMonth", "Gmv", "Threshold", "Months", "Source", "ChangedByUserId", "CreatedAt")
        VALUES (@id, @brand, @from, @to, @on, @why, @reason, @month, @gmv, @threshold, @months, @source, NULL, @at)
        """;

    /// <summary>
    /// Deletes the queue rows the run saw (<c>@seen</c>: JSON triples of brand key, version and stamp); a brand queued
    /// again while the run went on has a newer version (or, as a new row, another stamp) and keeps its row.
    /// </summary>
    public const string ClearPending = """
        DELETE FROM "PendingMetricsEvaluations"
        WHERE rowid IN (SELECT p.rowid FROM json_each(@seen) j JOIN "PendingMetricsEvaluations" p
                        ON p."BrandId" = j.value ->> 0 AND p."Version" = j.value ->> 1 AND p."RequestedAt" = j.value ->> 2)
        """;

    private static string From(string table, string key, bool scoped) =>
        scoped ? $"""eval_scope e CROSS JOIN "{table}" x ON x."{key}" = e."BrandId" """ : $""" "{table}" x""";

    private static string BuildRefreshSummaryMonth()
    {
        var metrics = MetricMonth.Summarised;
        var columns = string.Join(", ", metrics.SelectMany(m => new[] { MetricMonth.SumColumn(m.Metric), MetricMonth.MaxColumn(m.Metric), MetricMonth.DaysColumn(m.Metric) }).Select(c => $"\"{c}\""));
        var aggregates = string.Join(",\n       ", metrics.Select(m => $"SUM({m.Sql}), MAX({m.Sql}), COUNT(CASE WHEN {m.Sql} > 0 THEN 1 END)"));
        return $"""
            INSERT INTO "MetricMonths" ("BrandId", "Month", "LastDate", "FirstPaidDate", "AdGmvWithSpend", {columns})
            SELECT e."BrandId", @month, MAX(m."Date"),
                   MIN(CASE WHEN m."PaidOrders" > 0 OR (m."PaidOrders" IS NULL AND m."Gmv" > 0) THEN m."Date" END),
                   SUM(CASE WHEN m."AdSpend" > 0 THEN COALESCE(m."AdGmv", 0) END),
                   {aggregates}
            FROM eval_scope e CROSS JOIN "DailyMetrics" m
            WHERE {Stored.MonthOfSql("e.\"FromDate\"")} <= @month
              AND m."BrandId" = e."BrandId" AND m."Date" >= {Stored.MonthStartSql("@month")} AND m."Date" < {Stored.AfterMonthSql("@month")}
            GROUP BY e."BrandId";
            """;
    }
}
