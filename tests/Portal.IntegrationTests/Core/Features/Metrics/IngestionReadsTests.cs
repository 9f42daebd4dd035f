using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Core.Features.Metrics.MetricsTestApp;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>
/// What a batch reads on SQLite while it holds the write lock: the stored rows of the days it sends, not every day
/// between its earliest and latest (the PostgreSQL path reads none; it compares in its upsert).
/// </summary>
[Trait("Engine", "Sqlite")]
public sealed class IngestionReadsTests : IAsyncLifetime
{
    private readonly DailyRowsRead _read = new();
    private readonly PortalAppFactory _app;

    public IngestionReadsTests()
    {
        _app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" })
        {
            TestServices = services => services.ConfigureDbContext<PortalDbContext>((_, options) => options.AddInterceptors(_read)),
        };
        _app.Clock.MoveTo(MetricsFixture.Now);
    }

    [Fact]
    public async Task YesterdayWithAYearOldCorrection_ReadsOnlyTheCorrectedDay_NotTheYearBetween()
    {
        var (code, id) = await _app.NewBrandAsync("reads");
        var history = Enumerable.Range(0, 375).Select(d => Row(code, new DateOnly(2025, 9, 1).AddDays(d).ToString("yyyy-MM-dd")) with { Gmv = 100m + d }).ToArray();
        await _app.IngestOkAsync(history);
        _read.Count = 0;

        var result = await _app.IngestOkAsync(Row(code, "2026-09-14") with { Gmv = 7m }, Row(code, "2025-09-01") with { Gmv = 1m });

        result.ShouldBe(new MetricsIngestionResult(1, 1, 0));
        _read.Count.ShouldBe(1, "only the stored day the batch corrects");
        (await _app.RowsAsync(id)).Count.ShouldBe(376);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    /// <summary>Counts the daily rows EF Core builds from what a query read.</summary>
    private sealed class DailyRowsRead : IMaterializationInterceptor
    {
        public int Count;

        public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
        {
            if (entity is DailyMetric)
            {
                Interlocked.Increment(ref Count);
            }

            return entity;
        }
    }
}
