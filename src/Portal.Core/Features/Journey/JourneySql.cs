using Portal.Core.Data;

namespace Portal.Core.Features.Journey;

/// <summary>
/// The journey's hand-written statement, each engine's twin beside the other (<see cref="StoredValues.IsPostgres"/>).
/// Parameter {0}: the (brand key, task code) pairs as <see cref="StoredValues.Rows"/>; {1}: the stored instant now.
/// Status and source are stored by name.
/// </summary>
internal static class JourneySql
{
    /// <summary>
    /// Marks the pairs' active tasks done (source: milestone) in one statement; tasks already done keep how they were
    /// done, unknown or inactive codes and missing brands are skipped. PostgreSQL refuses to update a row twice in one
    /// upsert, so its pairs are made distinct first (SQLite updates the row again, to the same values).
    /// </summary>
    public static string CompleteFromMilestones(StoredValues values) => $"""
        INSERT INTO "BrandTasks" ("BrandId", "PlaybookTaskId", "Status", "CompletedAt", "CompletionSource", "CompletedByUserId", "UpdatedAt")
        SELECT DISTINCT b."Id", t."Id", 'Done', {At(values)}, 'Milestone', {(values.IsPostgres ? "NULL::uuid" : "NULL")}, {At(values)}
        FROM {Pairs(values)}
        JOIN "PlaybookTasks" t ON t."Code" = w."Code" AND t."IsActive"
        JOIN "Brands" b ON b."Id" = w."BrandId"
        WHERE true
        ON CONFLICT ("BrandId", "PlaybookTaskId") DO UPDATE SET
            "Status" = 'Done', "CompletedAt" = excluded."CompletedAt", "CompletionSource" = 'Milestone',
            "CompletedByUserId" = NULL, "CompletedByProviderId" = NULL, "UpdatedAt" = excluded."UpdatedAt"
        WHERE "BrandTasks"."Status" <> 'Done'
        """;

    private static string At(StoredValues values) => values.IsPostgres ? "{1}::timestamptz" : "{1}";

    private static string Pairs(StoredValues values) => values.IsPostgres
        ? """(SELECT (w.value ->> 0)::uuid AS "BrandId", w.value ->> 1 AS "Code" FROM jsonb_array_elements({0}::jsonb) w) w"""
        : """(SELECT w.value ->> 0 AS "BrandId", w.value ->> 1 AS "Code" FROM json_each({0}) w) w""";
}
