using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Metrics;

namespace Portal.Benchmarks;

/// <summary>
/// Prepared rows for one timed ingestion: the same rows in the shape each path takes (service inputs, EF entities,
/// API request bodies), built before the stopwatch starts so no path pays for another's conversion.
/// </summary>
internal sealed record IngestionWorkload(IReadOnlyList<IReadOnlyList<MetricRowInput>> Inputs, IReadOnlyList<List<DailyMetric>> Entities, IReadOnlyList<string> Bodies)
{
    public int RowCount => Inputs.Sum(b => b.Count);
}

/// <summary>
/// The four ways rows can reach <c>DailyMetrics</c> that the ingestion figures compare: two baselines (the fastest
/// raw insert SQLite allows, and plain EF) around the app's own service and its HTTP API. Each is only the timed
/// write; the workload is prepared by <see cref="MetricsBench"/>. The names are the report's labels.
/// </summary>
internal sealed class MetricsIngestionPaths(BenchFactory factory, HttpClient client)
{
    public const string RawPath = "raw ADO.NET prepared insert";
    public const string EfPath = "EF AddRange + SaveChanges";
    public const string ServicePath = "MetricsIngestionService";
    public const string HttpPath = "HTTP PUT /api/v1/metrics/daily";

    /// <summary>Every path with its label, in the order a round of runs measures them.</summary>
    public (string Name, Func<IngestionWorkload, Task> Run)[] All() =>
    [
        (RawPath, RawInsertAsync),
        (EfPath, EfAddRangeAsync),
        (ServicePath, ServiceAsync),
        (HttpPath, HttpAsync),
    ];

    private async Task RawInsertAsync(IngestionWorkload workload)
    {
        await using var connection = await factory.OpenRawAsync();
        foreach (var batch in workload.Entities)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO "DailyMetrics" ("BrandId", "Date", "Gmv", "Orders", "PaidOrders", "Streams", "LiveMinutes", "PeakViewers", "NewFans", "Fans",
                    "FanGroupMembers", "RepurchaseRate", "DistributionGmv", "Influencers", "AdSpend", "AdGmv", "ExclusiveSkus", "UpdatedAt")
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17)
                """;
            foreach (var i in Enumerable.Range(0, 18))
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", DBNull.Value));
            }

            command.Prepare();
            var stamp = MetricsBenchData.Stamp();
            foreach (var row in batch)
            {
                // Bound as the service binds its own write: the baseline differs only in its plain INSERT.
                MetricsIngestionService.Bind(command.Parameters, row, stamp, StoredValues.Sqlite);
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    private async Task EfAddRangeAsync(IngestionWorkload workload)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        foreach (var batch in workload.Entities)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.DailyMetrics.AddRange(batch);
            await db.SaveChangesAsync();
        }
    }

    private async Task ServiceAsync(IngestionWorkload workload)
    {
        var service = factory.Services.GetRequiredService<MetricsIngestionService>();
        foreach (var batch in workload.Inputs)
        {
            var outcome = await service.IngestAsync(batch);
            if (outcome.Result is not { } result || result.Inserted != batch.Count)
            {
                throw new InvalidOperationException($"The service refused a batch: {string.Join("; ", outcome.Errors.Take(3))}");
            }
        }
    }

    private async Task HttpAsync(IngestionWorkload workload)
    {
        foreach (var body in workload.Bodies)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PutAsync("/api/v1/metrics/daily", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"PUT answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
