using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Metrics.Evaluation;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Core.Features.Metrics.MetricsTestApp;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>
/// The evaluation queue between batches and a run, on each engine: a run clears only what it read, so a batch that
/// commits while a run goes on is evaluated by the next one.
/// </summary>
public abstract class EvaluationQueueTests(MetricsFixture fixture)
{
    private readonly PortalAppFactory _app = fixture.App;

    [EngineFact]
    public async Task BatchCommittedDuringARun_WithAnOlderStamp_StaysQueuedForTheNextRun()
    {
        // Batch A stamps its time, then waits for the write lock while batch B commits; a run reads B's row; then A
        // commits with the older stamp. Cleared by stamp, A's row went with B's and March was never summarised again.
        var (code, id) = await _app.NewBrandAsync("queue");
        await _app.IngestOkAsync(Row(code, "2026-09-10") with { Gmv = 10m });
        var read = await _app.WithDbAsync(db => EvaluationScope.ReadPendingAsync(db, [id], CancellationToken.None));

        _app.Clock.MoveTo(MetricsFixture.Now.AddSeconds(-1));
        try
        {
            await _app.IngestOkAsync(Row(code, "2026-03-01") with { Gmv = 20m });
        }
        finally
        {
            _app.Clock.MoveTo(MetricsFixture.Now);
        }

        await ClearAsync(read);

        var left = await _app.WithDbAsync(db => db.PendingMetricsEvaluations.AsNoTracking().SingleOrDefaultAsync(p => p.BrandId == id));
        left.ShouldNotBeNull("the batch committed after the run read the queue must wait for the next run");
        left.FromDate.ShouldBe(new DateOnly(2026, 3, 1));
    }

    [EngineFact]
    public async Task RowClearedByAnotherRun_AndQueuedAnew_IsNotClearedByTheFirstRun()
    {
        // Two runs read the same row (a web node and a worker on one SQLite file); the second clears it; a batch queues
        // the brand anew, so its row starts again at version 0. The first run's clear must not take that new row.
        var (code, id) = await _app.NewBrandAsync("queue");
        await _app.IngestOkAsync(Row(code, "2026-09-10") with { Gmv = 10m });
        var read = await _app.WithDbAsync(db => EvaluationScope.ReadPendingAsync(db, [id], CancellationToken.None));
        await ClearAsync(read);

        _app.Clock.MoveTo(MetricsFixture.Now.AddSeconds(1));
        try
        {
            await _app.IngestOkAsync(Row(code, "2026-09-11") with { Gmv = 11m });
        }
        finally
        {
            _app.Clock.MoveTo(MetricsFixture.Now);
        }

        await ClearAsync(read);

        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.AnyAsync(p => p.BrandId == id))).ShouldBeTrue();
    }

    [EngineFact]
    public async Task Run_ClearsTheRowsItRead_WhenNothingCameMeanwhile()
    {
        var (code, id) = await _app.NewBrandAsync("queue");
        await _app.IngestOkAsync(Row(code, "2026-09-10") with { Gmv = 10m });
        await _app.IngestOkAsync(Row(code, "2026-09-11") with { Gmv = 11m });

        await _app.Evaluation().EvaluateAsync([id]);

        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.AnyAsync(p => p.BrandId == id))).ShouldBeFalse();
        (await _app.WithDbAsync(db => db.MetricMonths.AnyAsync(m => m.BrandId == id))).ShouldBeTrue();
    }

    /// <summary>A run's last step: clears the rows it read.</summary>
    private Task ClearAsync(List<Portal.Core.Features.Metrics.PendingMetricsEvaluation> read) => _app.WithDbAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await EvaluationScope.ClearPendingAsync(new EvaluationRun(db, db.Database.GetDbConnection(), Scoped: true), read, CancellationToken.None);
        return 0;
    });
}

// The SQLite instance of the scenarios: its PostgreSQL twin runs them there, so the both-engines run skips this class.
[Trait("Engine", "Sqlite")]
public sealed class EvaluationQueueOnSqliteTests(MetricsFixture fixture) : EvaluationQueueTests(fixture), IClassFixture<MetricsFixture>;

[Trait("Kind", "Postgres")]
public sealed class EvaluationQueueOnPostgresTests(PostgresMetricsFixture fixture) : EvaluationQueueTests(fixture), IClassFixture<PostgresMetricsFixture>;
