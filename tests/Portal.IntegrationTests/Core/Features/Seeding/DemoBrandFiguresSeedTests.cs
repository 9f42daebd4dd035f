using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Home;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Seeding;

/// <summary>Cloud Tea's demo figures (<c>Seed:DemoBrandFigures</c>, which the other test hosts turn off).</summary>
public sealed class DemoBrandFiguresSeedTests
{
    [Fact]
    public async Task Seed_WithDemoBrandFigures_GivesCloudTeaDaysUpToYesterday_OnceAndTheSameEachTime()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Seed:DemoBrandFigures"] = "true" });
        var yesterday = PlatformTime.DayOf(app.Clock.GetUtcNow()).AddDays(-1);
        async Task<List<(DateOnly Date, decimal? Gmv)>> FiguresAsync() => await app.WithDbAsync(async db =>
            (await db.DailyMetrics.Join(db.Brands.Where(b => b.Code == DemoData.BrandCode), m => m.BrandId, b => b.Id, (m, b) => new { m.Date, m.Gmv }).ToListAsync())
                .OrderBy(m => m.Date).Select(m => (m.Date, m.Gmv)).ToList());
        var first = await FiguresAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        }

        first.Count.ShouldBe(DemoBrandFiguresSeeder.Days);
        first[^1].Date.ShouldBe(yesterday);
        first.ShouldAllBe(m => m.Gmv > 0);
        (await FiguresAsync()).ShouldBe(first);
        var owner = await app.PrincipalAsync(DemoData.BrandManagerEmail);
        var kpis = (await app.Services.GetRequiredService<BrandToDoQuery>().GetAsync(owner, DemoData.BrandCode))!.Kpis;
        kpis.ShouldAllBe(k => k.Current > 0 && k.Previous > 0, "the demo shows a trend on every KPI card");
    }

    [Fact]
    public async Task Seed_InTestHosts_LeavesCloudTeaWithoutFigures()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        (await app.WithDbAsync(db => db.DailyMetrics.CountAsync())).ShouldBe(0);
    }
}
