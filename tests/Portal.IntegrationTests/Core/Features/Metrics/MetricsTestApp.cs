using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>One app (no job server, the clock at 2026-09-15 noon in China) shared by a test class; each test makes brands of its own.</summary>
public class MetricsFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 9, 15, 4, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Jobs:RunServer"] = "false",
        ["Metrics:MaxRowsPerBatch"] = "20000",
    };

    private readonly Func<IDictionary<string, string?>, PortalAppFactory> _start;
    private PortalAppFactory? _app;

    public MetricsFixture()
        : this(settings => new PortalAppFactory(settings: settings))
    {
    }

    protected MetricsFixture(Func<IDictionary<string, string?>, PortalAppFactory> start) => _start = start;

    /// <summary>Started at first use, so a class whose tests are all skipped starts nothing.</summary>
    public PortalAppFactory App
    {
        get
        {
            if (_app is null)
            {
                _app = _start(new Dictionary<string, string?>(Settings));
                _app.Clock.MoveTo(Now);
            }

            return _app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}

/// <summary><see cref="MetricsFixture"/>'s app on a PostgreSQL database of its own (<see cref="PortalAppFactory.OnPostgres"/>).</summary>
public sealed class PostgresMetricsFixture() : MetricsFixture(settings => PortalAppFactory.OnPostgres(settings: settings));

internal static class MetricsTestApp
{
    private static int _next;

    /// <summary>A new brand with a unique code (no members); returns its code and id.</summary>
    public static async Task<(string Code, Guid Id)> NewBrandAsync(this PortalAppFactory app, string prefix = "m")
    {
        var code = $"{prefix}-{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..6]}";
        var id = await app.WithDbAsync(async db =>
        {
            var brand = new Brand { Code = code, NameZh = "测试品牌", NameEn = "Test brand" };
            db.Brands.Add(brand);
            await db.SaveChangesAsync();
            return brand.Id;
        });
        return (code, id);
    }

    public static MetricsIngestionService Ingestion(this PortalAppFactory app) => app.Services.GetRequiredService<MetricsIngestionService>();

    public static MetricsEvaluationService Evaluation(this PortalAppFactory app) => app.Services.GetRequiredService<MetricsEvaluationService>();

    public static async Task<MetricsIngestionResult> IngestOkAsync(this PortalAppFactory app, params MetricRowInput[] rows)
    {
        var outcome = await app.Ingestion().IngestAsync(rows);
        outcome.Errors.ShouldBeEmpty();
        return outcome.Result.ShouldNotBeNull();
    }

    public static Task<List<DailyMetric>> RowsAsync(this PortalAppFactory app, Guid brandId) =>
        app.WithDbAsync(db => db.DailyMetrics.AsNoTracking().Where(m => m.BrandId == brandId).OrderBy(m => m.Date).ToListAsync());

    public static MetricRowInput Row(string brand, string date) => new() { Brand = brand, Date = date };
}
