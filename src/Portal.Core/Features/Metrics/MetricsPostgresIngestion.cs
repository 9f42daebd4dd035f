using Npgsql;
using NpgsqlTypes;
using Portal.Core.Data;

namespace Portal.Core.Features.Metrics;

/// <summary>
/// <see cref="MetricsIngestionService"/>'s write on PostgreSQL: the batch goes in through one binary COPY into a
/// temporary staging table, then ONE <c>INSERT ... ON CONFLICT ("BrandId", "Date") DO UPDATE ... WHERE</c> writes it
/// with the SQLite path's semantics (replace or merge; a row whose figures do not change is left alone, its
/// <c>UpdatedAt</c> too, and counts as unchanged) and, in the same statement, queues the touched brands for
/// evaluation with the earliest day actually written (<c>LEAST</c> with a row already queued) and for the portfolio
/// (<see cref="Portfolio.PortfolioRefreshQueue"/>). Three round trips per batch: the locks with the staging table,
/// the COPY, the upsert. The staging table is created per batch: Npgsql resets a pooled connection with
/// <c>DISCARD ALL</c>, which drops temporary tables, so one kept per connection would not survive anyway (and the
/// CREATE costs about 1 ms of a batch's hundreds; docs/BENCHMARKS.md).
/// </summary>
internal static class MetricsPostgresIngestion
{
    /// <summary>The advisory-lock class of the metrics' per-brand write locks (<c>pg_advisory_xact_lock(int, int)</c>'s first key): "METR".</summary>
    private const int LockClass = 0x4D455452;

    private static readonly string[] Figures = MetricsIngestionService.Figures;
    private static readonly string StagingColumns = string.Join(", ", Figures.Prepend("Date").Prepend("BrandId").Select(c => $"\"{c}\""));

    /// <summary>The batch's staging table, this transaction's only (a pooled connection keeps no leftovers).</summary>
    private static readonly string CreateStaging =
        $"""CREATE TEMP TABLE metrics_staging ("BrandId" uuid, "Date" date, {string.Join(", ", Figures.Select(c => $"\"{c}\" bigint"))}) ON COMMIT DROP""";

    /// <summary>
    /// Per brand in the batch, in a global order (the lock keys sorted), a transaction-scoped advisory lock: the
    /// equivalent of SQLite's <c>BEGIN IMMEDIATE</c>. Two batches for one brand then run one after the other, so
    /// each compares against the other's committed rows (its counts are right) and neither can deadlock the other
    /// on overlapping keys inserted in another order; batches for other brands still run side by side. Brand
    /// edits and readers are not blocked (a row lock on <c>Brands</c> would block the former).
    /// </summary>
    private static readonly string LockBrands = $"""
        SELECT pg_advisory_xact_lock({LockClass}, k)
        FROM (SELECT DISTINCT hashtext(b::text) AS k FROM unnest(@brands) AS b) AS keys
        ORDER BY k
        """;

    /// <summary>The locks, then the staging table: two statements, one round trip.</summary>
    private static readonly string LockAndStage = $"{LockBrands};\n{CreateStaging}";

    /// <summary>
    /// Writes the checked rows in the open <paramref name="transaction"/> and queues their brands (evaluation and
    /// portfolio); answers the counts.
    /// </summary>
    public static async Task<MetricsIngestionResult> UpsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DailyMetric> rows, bool merge, DateTimeOffset stamp,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var brands = rows.Select(r => r.BrandId).Distinct().ToArray();
        await connection.ExecuteAsync(transaction, LockAndStage, cancellationToken, ("@brands", brands));
        await CopyAsync(connection, rows, progress, cancellationToken);

        await using var command = connection.Command(transaction, UpsertSql(merge), ("@stamp", StoredValues.Postgres.Instant(stamp)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int inserted = 0, updated = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted += (int)reader.GetInt64(1);
            updated += (int)reader.GetInt64(2);
        }

        return new MetricsIngestionResult(inserted, updated, rows.Count - inserted - updated);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<DailyMetric> rows, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync($"COPY metrics_staging ({StagingColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.BrandId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Date, NpgsqlDbType.Date, cancellationToken);
            await WriteAsync(writer, Fen(row.Gmv), cancellationToken);
            await WriteAsync(writer, row.Orders, cancellationToken);
            await WriteAsync(writer, row.PaidOrders, cancellationToken);
            await WriteAsync(writer, row.Streams, cancellationToken);
            await WriteAsync(writer, row.LiveMinutes, cancellationToken);
            await WriteAsync(writer, row.PeakViewers, cancellationToken);
            await WriteAsync(writer, row.NewFans, cancellationToken);
            await WriteAsync(writer, row.Fans, cancellationToken);
            await WriteAsync(writer, row.FanGroupMembers, cancellationToken);
            await WriteAsync(writer, row.RepurchaseRate is { } rate ? StoredValues.Rate(rate) : null, cancellationToken);
            await WriteAsync(writer, Fen(row.DistributionGmv), cancellationToken);
            await WriteAsync(writer, row.Influencers, cancellationToken);
            await WriteAsync(writer, Fen(row.AdSpend), cancellationToken);
            await WriteAsync(writer, Fen(row.AdGmv), cancellationToken);
            await WriteAsync(writer, row.ExclusiveSkus, cancellationToken);
            if (progress is not null && (i + 1) % 1000 == 0)
            {
                progress.Report(i + 1);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static long? Fen(decimal? yuan) => yuan is { } value ? StoredValues.Fen(value) : null;

    private static async ValueTask WriteAsync(NpgsqlBinaryImporter writer, long? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Bigint, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The one upsert: a figure is the staged one (replace) or the staged one where given, else the stored one
    /// (merge, <see cref="DailyMetric.MergedWith"/>); the update happens only where some figure differs
    /// (<c>IS DISTINCT FROM</c>: unknown equals only unknown, <see cref="DailyMetric.SameFiguresAs"/>). <c>xmax = 0</c>
    /// tells an inserted row from an updated one. The written rows queue their brands in the same statement, for the
    /// evaluation and for the portfolio (the rows <see cref="Portfolio.PortfolioRefreshQueue.EnqueueAsync"/> would
    /// write, without its round trip); answers per touched brand how many rows it inserted and updated. The staged
    /// rows go in unsorted: the per-brand advisory locks already keep two batches off each other's keys, and the
    /// batch's own rows come grouped by brand.
    /// </summary>
    private static string UpsertSql(bool merge)
    {
        string Figure(string c) => merge ? $"COALESCE(excluded.\"{c}\", t.\"{c}\")" : $"excluded.\"{c}\"";
        var sets = string.Join(", ", Figures.Select(c => $"\"{c}\" = {Figure(c)}"));
        var stored = string.Join(", ", Figures.Select(c => $"t.\"{c}\""));
        var next = string.Join(", ", Figures.Select(Figure));
        return $"""
            WITH written AS (
                INSERT INTO "DailyMetrics" AS t ({StagingColumns}, "UpdatedAt")
                SELECT {StagingColumns}, @stamp FROM metrics_staging
                ON CONFLICT ("BrandId", "Date") DO UPDATE SET {sets}, "UpdatedAt" = excluded."UpdatedAt"
                WHERE ({stored}) IS DISTINCT FROM ({next})
                RETURNING t."BrandId", t."Date", (t.xmax = 0) AS inserted),
            queued AS (
                INSERT INTO "PendingMetricsEvaluations" ("BrandId", "RequestedAt", "FromDate")
                SELECT "BrandId", @stamp, MIN("Date") FROM written GROUP BY "BrandId" ORDER BY "BrandId"
                ON CONFLICT ("BrandId") DO UPDATE SET "RequestedAt" = excluded."RequestedAt", "FromDate" = LEAST("PendingMetricsEvaluations"."FromDate", excluded."FromDate"),
                    "Version" = "PendingMetricsEvaluations"."Version" + 1),
            portfolio AS (
                INSERT INTO "PendingPortfolioRefreshes" ("BrandId", "QueuedAt")
                SELECT DISTINCT "BrandId", @stamp FROM written)
            SELECT "BrandId", COUNT(*) FILTER (WHERE inserted), COUNT(*) FILTER (WHERE NOT inserted)
            FROM written GROUP BY "BrandId"
            """;
    }
}
