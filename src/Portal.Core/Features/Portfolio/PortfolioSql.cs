using Portal.Core.Data;

namespace Portal.Core.Features.Portfolio;

/// <summary>
/// The portfolio's hand-written statements, each engine's twin beside the other (chosen by
/// <see cref="StoredValues.IsPostgres"/>). Parameters are written <c>@name</c> on both, so one binding serves both.
/// On SQLite an id list is one JSON parameter unpacked by <c>json_each</c>; on PostgreSQL a <c>uuid[]</c> for
/// <c>ANY</c>/<c>unnest</c>. PostgreSQL resolves a NULL parameter in a SELECT list as text, hence its casts.
/// </summary>
internal static class PortfolioSql
{
    /// <summary>Queues the brands of <c>@ids</c> (<see cref="StoredValues.KeyList"/>) at <c>@at</c>.</summary>
    public static string Enqueue(StoredValues values) => values.IsPostgres
        ? """INSERT INTO "PendingPortfolioRefreshes" ("BrandId", "QueuedAt") SELECT unnest(@ids::uuid[]), @at::timestamptz"""
        : """INSERT INTO "PendingPortfolioRefreshes" ("BrandId", "QueuedAt") SELECT value, @at FROM json_each(@ids)""";

    /// <summary>
    /// One pass over each brand's rows through the (BrandId, Date) key: both 30-day windows and the last day.
    /// PostgreSQL sums bigint fen into numeric: cast back, so the reader reads fen on both.
    /// </summary>
    public static string Figures(StoredValues values) => $"""
        SELECT m."BrandId",
               {Fen(values, """COALESCE(SUM(CASE WHEN m."Date" > @cur AND m."Date" <= @today THEN m."Gmv" END), 0)""")},
               {Fen(values, """COALESCE(SUM(CASE WHEN m."Date" > @prev AND m."Date" <= @cur THEN m."Gmv" END), 0)""")},
               MAX(m."Date"), MAX(m."UpdatedAt")
        FROM "DailyMetrics" m
        WHERE {(values.IsPostgres ? """m."BrandId" = ANY(@brands)""" : """m."BrandId" IN (SELECT value FROM json_each(@brands))""")}
        GROUP BY m."BrandId"
        """;

    /// <summary>
    /// SQLite: one row (parameters <c>@p0</c> to <c>@p17</c>, in <see cref="InsertColumns"/>' order) with the brand's own
    /// columns copied from <c>Brands</c>: a brand deleted meanwhile gets no row.
    /// </summary>
    public static string InsertRow()
    {
        var parameters = string.Join(", ", Enumerable.Range(0, InsertColumns.Length).Select(i => $"@p{i}"));
        return $"""
            {InsertInto()}
            SELECT {parameters}, {BrandColumns("""SELECT group_concat(c."CategoryId", ',') FROM "BrandCategories" c WHERE c."BrandId" = b."Id" """)}
            FROM "Brands" b WHERE b."Id" = @p0
            """;
    }

    /// <summary>
    /// PostgreSQL: a whole chunk in one statement, each of <see cref="InsertColumns"/> bound as one array
    /// (<c>@p0</c> to <c>@p17</c>, in that order) and unnested, with the brand's own columns as in
    /// <see cref="InsertRow"/> (the join drops a brand deleted meanwhile): one round trip instead of one per row.
    /// </summary>
    public static string InsertRowsOnPostgres()
    {
        var arrays = string.Join(", ", Enumerable.Range(0, InsertColumns.Length).Select(i => $"@p{i}::{PostgresTypes[i]}[]"));
        var names = string.Join(", ", Enumerable.Range(0, InsertColumns.Length).Select(i => $"c{i}"));
        return $"""
            {InsertInto()}
            SELECT {names}, {BrandColumns($"""SELECT string_agg({StoredValues.Postgres.KeyTextSql("c.\"CategoryId\"")}, ',') FROM "BrandCategories" c WHERE c."BrandId" = b."Id" """)}
            FROM unnest({arrays}) AS r({names})
            JOIN "Brands" b ON b."Id" = r.c0
            """;
    }

    private static string InsertInto() => $"""
        INSERT INTO "BrandPortfolioRows" ({string.Join(", ", InsertColumns.Select(c => $"\"{c}\""))},
            "Code", "NameZh", "NameEn", "Tier", "Status", "AccountManagerUserId", "CreatedAt", "AccountManagerName", "CategoryIds")
        """;

    /// <summary>The row's copied columns from brand <c>b</c>, its manager's name and its category ids (the engine's aggregate).</summary>
    private static string BrandColumns(string categoryIds) => $"""
        b."Code", b."NameZh", b."NameEn", b."Tier", b."Status", b."AccountManagerUserId", b."CreatedAt",
            (SELECT COALESCE(NULLIF(trim(u."DisplayName"), ''), u."Email") FROM "AspNetUsers" u WHERE u."Id" = b."AccountManagerUserId"),
            COALESCE(({categoryIds}), '')
        """;

    /// <summary>The row's own columns, bound per row by the refresher.</summary>
    public static readonly string[] InsertColumns =
    [
        "BrandId", "AsOf", "Gmv30", "GmvPrev30", "LastFiguresOn", "LastMilestoneAt", "LastActivityAt",
        "Compliance", "BlockedFrom", "NextExpiryOn", "DocumentsAwaitingReview", "ProgressDistribution", "ProgressTraffic",
        "ProgressSelfStreaming", "ProgressPrivateDomain", "ProgressExclusive", "RefreshedAt", "TrendPercent",
    ];

    private static readonly string[] PostgresTypes =
    [
        "uuid", "date", "bigint", "bigint", "date", "timestamptz", "timestamptz",
        "text", "date", "date", "integer", "integer", "integer",
        "integer", "integer", "integer", "timestamptz", "integer",
    ];

    private static string Fen(StoredValues values, string sum) => values.IsPostgres ? $"{sum}::bigint" : sum;
}
