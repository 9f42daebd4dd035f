using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Portfolio;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Seeding;

/// <summary>The full Development demo (invented portfolio and Cloud Tea's figures) on PostgreSQL, beside the same demo on SQLite.</summary>
[Trait("Kind", "Postgres")]
public sealed class DemoPortfolioPostgresTests
{
    private const int Brands = 30; // every invented brand (DemoPortfolio.Brands; the setting's maximum)

    private static Dictionary<string, string?> FullDemo => new()
    {
        ["Jobs:RunServer"] = "false",
        ["Seed:DemoBrandCount"] = Brands.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Seed:DemoBrandFigures"] = "true",
    };

    private static Task<Dictionary<string, decimal>> GmvByBrandAsync(PortalAppFactory app) => app.WithDbAsync(async db =>
        (await db.DailyMetrics.AsNoTracking().Join(db.Brands, m => m.BrandId, b => b.Id, (m, b) => new { b.Code, m.Gmv }).ToListAsync())
        .GroupBy(x => x.Code).ToDictionary(g => g.Key, g => g.Sum(x => x.Gmv ?? 0)));

    private static async Task<List<PortfolioRowView>> PortfolioAsync(PortalAppFactory app, string culture, int pageSize)
    {
        using var _ = PortalCultures.Use(culture);
        var page = await app.Services.GetRequiredService<PortfolioQuery>()
            .PageAsync(await app.PrincipalAsync(DemoData.OperatorEmail), new PortfolioSpec { Sort = PortfolioSort.Name, PageSize = pageSize });
        return page.Value.ShouldNotBeNull().Rows.ToList();
    }

    [PostgresFact]
    public async Task FullDemo_OnPostgres_BuildsEveryRow_SortedByPinyin_WithTheFiguresSqliteHas()
    {
        await using var postgres = PortalAppFactory.OnPostgres(settings: FullDemo);
        await using var sqlite = new PortalAppFactory(settings: FullDemo);
        await PortfolioRefreshQueueScenarios.RunJobAsync(postgres);
        await PortfolioRefreshQueueScenarios.RunJobAsync(sqlite);

        var brands = await postgres.WithDbAsync(db => db.Brands.CountAsync());
        brands.ShouldBe(Brands + 2, "the invented brands and the demo's two");
        (await postgres.WithDbAsync(db => db.BrandPortfolioRows.CountAsync())).ShouldBe(brands);

        var gmv = await GmvByBrandAsync(postgres);
        gmv.Count.ShouldBe(Brands + 1, "every invented brand and Cloud Tea have figures");
        gmv.ShouldBe(await GmvByBrandAsync(sqlite));

        var all = await PortfolioAsync(postgres, PortalCultures.Chinese, Brands + 2);
        all.Select(r => r.Name).ShouldBe(all.Select(r => r.Name).Order(NameOrder.Comparer), "pinyin order");
        var firstPage = await PortfolioAsync(postgres, PortalCultures.Chinese, 25);
        firstPage.Select(r => r.Code).ShouldBe((await PortfolioAsync(sqlite, PortalCultures.Chinese, 25)).Select(r => r.Code));
        firstPage.Select(r => (r.Code, r.Gmv30, r.GmvPrev30, r.TrendPercent))
            .ShouldBe((await PortfolioAsync(sqlite, PortalCultures.Chinese, 25)).Select(r => (r.Code, r.Gmv30, r.GmvPrev30, r.TrendPercent)));
        firstPage.ShouldContain(r => r.Gmv30 > 0);
    }
}
