using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Core.Data;
using Portal.Core.Work;
using static Portal.Core.Data.StoredValues;

namespace Portal.Core.Features.Metrics;

/// <summary>
/// Takes daily figures in, all or nothing: every row is checked first (<see cref="MetricsBatchValidator"/>);
/// only a batch without problems is written, in one
/// transaction, as an upsert by (brand, day). Writing through one prepared single-row statement keeps a
/// 10,000-row batch fast (measured faster here than multi-row VALUES, whose named parameters
/// Microsoft.Data.Sqlite binds by a linear lookup, and than a JSON chunk unpacked by json_each); the
/// touched brands are queued for evaluation, with the earliest day touched, in the same transaction, as are
/// the caller's writes that belong with the batch (<see cref="MetricsIngestionOptions.BeforeCommit"/>). On
/// PostgreSQL the batch goes through a binary COPY and one upsert instead (<see cref="MetricsPostgresIngestion"/>).
/// </summary>
public sealed class MetricsIngestionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MetricsStrings> strings,
    IOptions<MetricsOptions> options,
    IWorkDispatcher dispatcher,
    TimeProvider clock)
{
    /// <summary>The earliest day the portal accepts figures for.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public const decimal MaxMoney = 1_000_000_000_000m;
    public const long MaxCount = 1_000_000_000_000L;

    private readonly MetricsBatchValidator _validator = new(dbFactory, strings, options, clock);

    /// <summary>Checks and, when every row is valid, writes the batch; answers the counts or every problem found.</summary>
    public async Task<MetricsIngestionOutcome> IngestAsync(IReadOnlyList<MetricRowInput> rows, MetricsIngestionOptions? ingestion = null, CancellationToken cancellationToken = default)
    {
        ingestion ??= new MetricsIngestionOptions();
        var (parsed, errors) = await ValidateAsync(rows, ingestion, cancellationToken);
        if (errors.Count > 0)
        {
            return new MetricsIngestionOutcome(null, errors);
        }

        var result = await UpsertAsync(parsed, ingestion, cancellationToken);
        if (result.Inserted + result.Updated > 0)
        {
            dispatcher.EvaluatePendingMetrics();
            dispatcher.RefreshPortfolio(); // the portfolio rows the batch queued
        }

        return new MetricsIngestionOutcome(result, []);
    }

    /// <summary>Checks every row without writing: the rows as they would be stored, or every problem found.</summary>
    public Task<(IReadOnlyList<DailyMetric> Rows, IReadOnlyList<MetricRowError> Errors)> ValidateAsync(
        IReadOnlyList<MetricRowInput> rows, MetricsIngestionOptions? ingestion = null, CancellationToken cancellationToken = default) =>
        _validator.ValidateAsync(rows, ingestion, cancellationToken);

    /// <summary>
    /// The stored rows of exactly the (brand, day) pairs the batch sends, by primary key: not the batch's brands over
    /// its whole date range, which for yesterday's figures of every brand plus one year-old correction would read a
    /// year of every brand while holding the write lock.
    /// </summary>
    private static Task<Dictionary<(Guid BrandId, DateOnly Date), DailyMetric>> StoredDaysAsync(
        PortalDbContext db, IReadOnlyList<DailyMetric> rows, StoredValues values, CancellationToken cancellationToken)
    {
        var pairs = Rows(rows.Select(r => (r.BrandId, r.Date)).Distinct().Select(r => new[] { values.Key(r.BrandId), values.Day(r.Date) }));
        return db.DailyMetrics
            .FromSqlRaw("""SELECT m.* FROM json_each({0}) AS j JOIN "DailyMetrics" AS m ON m."BrandId" = j.value ->> 0 AND m."Date" = j.value ->> 1""", pairs)
            .AsNoTracking()
            .ToDictionaryAsync(m => (m.BrandId, m.Date), cancellationToken);
    }

    private async Task<MetricsIngestionResult> UpsertAsync(IReadOnlyList<DailyMetric> rows, MetricsIngestionOptions ingestion, CancellationToken cancellationToken)
    {
        var (merge, progress) = (ingestion.Merge, ingestion.Progress);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var values = For(db.Database);
        var stamp = values.Instant(now);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (values.IsPostgres)
        {
            return await UpsertOnPostgresAsync(db, rows, ingestion, now, cancellationToken);
        }

        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is held before existing rows are read.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var existing = await StoredDaysAsync(db, rows, values, cancellationToken);

        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        await using var upsert = WriteCommand(connection, dbTransaction, replaceExisting: true);
        var p = upsert.Parameters;
        int inserted = 0, updated = 0, unchanged = 0;
        var touched = new Dictionary<Guid, DateOnly>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (existing.TryGetValue((row.BrandId, row.Date), out var old))
            {
                if (merge)
                {
                    row = old.MergedWith(row);
                }

                if (old.SameFiguresAs(row))
                {
                    unchanged++;
                    continue;
                }

                updated++;
            }
            else
            {
                inserted++;
            }

            touched[row.BrandId] = touched.TryGetValue(row.BrandId, out var earliest) && earliest < row.Date ? earliest : row.Date;
            Bind(p, row, stamp, values);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            if (progress is not null && (i + 1) % 1000 == 0)
            {
                progress.Report(i + 1);
            }
        }

        if (touched.Count > 0)
        {
            await using var pending = connection.CreateCommand();
            pending.Transaction = dbTransaction;
            pending.CommandText = """
                INSERT INTO "PendingMetricsEvaluations" ("BrandId", "RequestedAt", "FromDate") VALUES (@b, @t, @d)
                ON CONFLICT("BrandId") DO UPDATE SET "RequestedAt" = excluded."RequestedAt", "FromDate" = min("FromDate", excluded."FromDate"), "Version" = "Version" + 1
                """;
            var brand = AddParameter(pending, "@b");
            AddParameter(pending, "@t").Value = stamp;
            var day = AddParameter(pending, "@d");
            foreach (var (id, earliest) in touched)
            {
                brand.Value = values.Key(id);
                day.Value = values.Day(earliest);
                await pending.ExecuteNonQueryAsync(cancellationToken);
            }

            // Portfolio refresh queue (see PortfolioRefreshQueue): the touched brands' rows, in this transaction.
            await Portfolio.PortfolioRefreshQueue.EnqueueAsync(connection, dbTransaction, touched.Keys, now, cancellationToken);
        }

        await BeforeCommitAsync(db, ingestion, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress?.Report(rows.Count);
        return new MetricsIngestionResult(inserted, updated, unchanged);
    }

    /// <summary>PostgreSQL: binary COPY into a staging table and one upsert that also queues the brands (<see cref="MetricsPostgresIngestion"/>).</summary>
    private static async Task<MetricsIngestionResult> UpsertOnPostgresAsync(
        PortalDbContext db, IReadOnlyList<DailyMetric> rows, MetricsIngestionOptions ingestion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var dbTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
        var result = await MetricsPostgresIngestion.UpsertAsync(connection, dbTransaction, rows, ingestion.Merge, now, ingestion.Progress, cancellationToken);
        await BeforeCommitAsync(db, ingestion, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ingestion.Progress?.Report(rows.Count);
        return result;
    }

    /// <summary>
    /// The caller's writes that belong with the batch (<see cref="MetricsIngestionOptions.BeforeCommit"/>), in its open
    /// transaction: the DbContext's change tracker is empty (the rows went in by raw SQL), so its SaveChanges writes
    /// only what the callback adds, audited as usual, and a failure leaves the transaction to roll back on dispose.
    /// </summary>
    private static Task BeforeCommitAsync(PortalDbContext db, MetricsIngestionOptions ingestion, CancellationToken cancellationToken) =>
        ingestion.BeforeCommit?.Invoke(db, cancellationToken) ?? Task.CompletedTask;

    /// <summary>A daily row's figures as stored, in the order both engines' writes bind them.</summary>
    internal static readonly string[] Figures =
    [
        "Gmv", "Orders", "PaidOrders", "Streams", "LiveMinutes", "PeakViewers", "NewFans", "Fans",
        "FanGroupMembers", "RepurchaseRate", "DistributionGmv", "Influencers", "AdSpend", "AdGmv", "ExclusiveSkus",
    ];

    private static readonly string[] Columns = ["BrandId", "Date", .. Figures, "UpdatedAt"];
    /// <summary>
    /// The prepared single-row write of a daily row (parameters in <see cref="Columns"/> order, filled by
    /// <see cref="Bind"/>): an upsert, or with <paramref name="replaceExisting"/> false an insert that
    /// keeps a row already there (the demo seed).
    /// </summary>
    internal static DbCommand WriteCommand(DbConnection connection, DbTransaction transaction, bool replaceExisting)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var values = string.Join(", ", Columns.Select((_, i) => $"@p{i}"));
        var updates = string.Join(", ", Columns.Skip(2).Select(c => $"\"{c}\" = excluded.\"{c}\""));
        command.CommandText = $"""
            INSERT INTO "DailyMetrics" ({names}) VALUES ({values})
            ON CONFLICT("BrandId", "Date") {(replaceExisting ? $"DO UPDATE SET {updates}" : "DO NOTHING")}
            """;
        for (var i = 0; i < Columns.Length; i++)
        {
            AddParameter(command, $"@p{i}");
        }

        if (connection is not NpgsqlConnection)
        {
            command.Prepare(); // Npgsql prepares only with typed parameters; the seed's rows are few there
        }

        return command;
    }

    /// <summary>Fills <see cref="WriteCommand"/>'s parameters with a row in storage units (fen, parts per ten thousand).</summary>
    internal static void Bind(DbParameterCollection p, DailyMetric row, object stamp, StoredValues values)
    {
        p[0].Value = values.Key(row.BrandId);
        p[1].Value = values.Day(row.Date);
        p[2].Value = StoredValues.FenOrNull(row.Gmv);
        p[3].Value = StoredValues.OrNull(row.Orders);
        p[4].Value = StoredValues.OrNull(row.PaidOrders);
        p[5].Value = StoredValues.OrNull(row.Streams);
        p[6].Value = StoredValues.OrNull(row.LiveMinutes);
        p[7].Value = StoredValues.OrNull(row.PeakViewers);
        p[8].Value = StoredValues.OrNull(row.NewFans);
        p[9].Value = StoredValues.OrNull(row.Fans);
        p[10].Value = StoredValues.OrNull(row.FanGroupMembers);
        p[11].Value = row.RepurchaseRate is { } rate ? Rate(rate) : DBNull.Value;
        p[12].Value = StoredValues.FenOrNull(row.DistributionGmv);
        p[13].Value = StoredValues.OrNull(row.Influencers);
        p[14].Value = StoredValues.FenOrNull(row.AdSpend);
        p[15].Value = StoredValues.FenOrNull(row.AdGmv);
        p[16].Value = StoredValues.OrNull(row.ExclusiveSkus);
        p[17].Value = stamp;
    }

    private static DbParameter AddParameter(DbCommand command, string name) => command.AddParameter(name);
}
