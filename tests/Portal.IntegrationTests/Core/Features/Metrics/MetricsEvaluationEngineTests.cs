using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core;
using Portal.Core.Localization;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Core.Features.Metrics.MetricsTestApp;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>The evaluation's specifications on SQLite, and what does not depend on the engine.</summary>
// The SQLite instance of the scenarios: its PostgreSQL twin runs them there, so the both-engines run skips this class.
[Trait("Engine", "Sqlite")]
public sealed class MetricsEvaluationOnSqliteTests(MetricsFixture fixture) : MetricsEvaluationTests(fixture.App), IClassFixture<MetricsFixture>
{
    [Fact]
    public void TierChange_WithoutFacts_ReadsAsItsStoredText()
    {
        var strings = _app.Services.GetRequiredService<IStringLocalizer<MetricsStrings>>();

        TierExplanations.Render(strings, GrowthTier.Ka, new DateOnly(2026, 8, 1), facts: null, "KA since 2026-08: GMV ¥1.2M in 2026-07 / 2026-08 起为 KA")
            .ShouldBe("KA since 2026-08: GMV ¥1.2M in 2026-07 / 2026-08 起为 KA");
    }

    [Fact]
    public async Task StalledBrands_AreThoseWithoutRecentFiguresOrMilestones()
    {
        var (quiet, quietId) = await _app.NewBrandAsync("quiet");
        var (busy, busyId) = await _app.NewBrandAsync("busy");
        await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == quietId || b.Id == busyId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CreatedAt, MetricsFixture.Now.AddDays(-60))));
        await _app.IngestOkAsync(Row(quiet, "2026-08-01") with { Gmv = 0m }, Row(busy, "2026-09-14") with { Gmv = 0m });

        var stalled = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<MetricsReader>(_app.Services).GetStalledBrandsAsync();

        stalled.Select(s => s.BrandId).ShouldContain(quietId);
        stalled.Single(s => s.BrandId == quietId).LastFiguresOn.ShouldBe(new DateOnly(2026, 8, 1));
        stalled.Select(s => s.BrandId).ShouldNotContain(busyId);
    }
}

/// <summary>The evaluation's specifications on PostgreSQL (<c>MetricsEvaluationPostgresSql</c>).</summary>
[Trait("Kind", "Postgres")]
public sealed class MetricsEvaluationOnPostgresTests(PostgresMetricsFixture fixture) : MetricsEvaluationTests(fixture.App), IClassFixture<PostgresMetricsFixture>;
