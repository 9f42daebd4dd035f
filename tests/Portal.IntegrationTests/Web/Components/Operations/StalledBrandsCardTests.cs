using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Operations;

namespace Portal.IntegrationTests.Web.Components.Operations;

public sealed class StalledBrandsCardTests : PortalTestContext
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly StalledBrand Berry = new(Guid.NewGuid(), "wild-berry", "野莓果干", "Wild Berry", new DateOnly(2026, 10, 24), new DateOnly(2026, 9, 1));
    private static readonly StalledBrand Quiet = new(Guid.NewGuid(), "quiet-one", "静默", "Quiet One", null, null);

    [Fact]
    public void Card_WithStalledBrands_LinksEachToItsStaffPageAndSaysHowLongAgo()
    {
        var card = Render<StalledBrandsCard>(p => p.Add(c => c.Brands, [Berry, Quiet]).Add(c => c.Today, Today).Add(c => c.StalledAfterDays, 14));

        card.Find("h2").TextContent.ShouldContain("Stalled brands (2)");
        card.Markup.ShouldContain("14 days or more");
        var rows = card.FindAll("[data-testid=stalled-brand]");
        rows.Count.ShouldBe(2);
        var link = rows[0].QuerySelector("a")!;
        link.GetAttribute("href").ShouldBe("/ops/brands/wild-berry");
        link.TextContent.ShouldContain("Wild Berry");
        rows[0].TextContent.ShouldContain("2026-10-24 (30 days ago)");
        rows[0].TextContent.ShouldContain("2026-09-01 (83 days ago)");
        rows[1].TextContent.ShouldContain("never");
    }

    [Fact]
    public void Card_WithTheFirstOfMoreBrands_CountsThemAllAndLinksToThePortfoliosStalledView()
    {
        var card = Render<StalledBrandsCard>(p => p.Add(c => c.Brands, [Berry, Quiet]).Add(c => c.Total, 12).Add(c => c.Today, Today).Add(c => c.StalledAfterDays, 14));

        card.Find("h2").TextContent.ShouldContain("Stalled brands (12)");
        card.FindAll("[data-testid=stalled-brand]").Count.ShouldBe(2);
        var all = card.Find("[data-testid=stalled-see-all]");
        all.GetAttribute("href").ShouldBe("/ops/portfolio?view=stalled");
        all.TextContent.ShouldBe("The first 2 by code. See all 12 in the portfolio");
    }

    [Fact]
    public void Card_ForASingleDay_SaysDayNotDays()
    {
        var yesterday = new StalledBrand(Guid.NewGuid(), "one-day", "一天", "One Day", Today.AddDays(-1), Today.AddDays(-2));

        var card = Render<StalledBrandsCard>(p => p.Add(c => c.Brands, [yesterday]).Add(c => c.Today, Today).Add(c => c.StalledAfterDays, 1));

        card.Markup.ShouldContain("for 1 day or more.");
        var row = card.Find("[data-testid=stalled-brand]").TextContent;
        row.ShouldContain("2026-11-22 (1 day ago)");
        row.ShouldContain("2026-11-21 (2 days ago)");
    }

    [Fact]
    public void Card_WithoutStalledBrands_SaysSo()
    {
        var card = Render<StalledBrandsCard>(p => p.Add(c => c.Brands, []).Add(c => c.Today, Today).Add(c => c.StalledAfterDays, 14));

        card.Find("[data-testid=stalled-none]").TextContent.ShouldBe("No brand is stalled.");
        card.FindAll("[data-testid=stalled-brand]").ShouldBeEmpty();
    }

    [Fact]
    public void Card_InChinese_ShowsChineseNameFirst()
    {
        UseCulture(PortalCultures.Chinese);

        var card = Render<StalledBrandsCard>(p => p.Add(c => c.Brands, [Berry]).Add(c => c.Today, Today).Add(c => c.StalledAfterDays, 14));

        card.Find("h2").TextContent.ShouldContain("停滞品牌");
        card.Find("[data-testid=stalled-brand] a").TextContent.ShouldStartWith("野莓果干");
        card.Find("[data-testid=stalled-brand]").TextContent.ShouldContain("30 天前");
    }
}

/// <summary>The staff home with a brand that went quiet (prerendered HTML).</summary>
public sealed class OperationsHomeStalledTests
{
    [Fact]
    public async Task OpsHome_ForStaff_ListsABrandWhoseFiguresStopped()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            var brand = new Brand { Code = "gone-quiet", NameZh = "沉寂", NameEn = "Gone Quiet", CreatedAt = now.AddDays(-90) };
            db.Brands.Add(brand);
            db.DailyMetrics.Add(new DailyMetric { BrandId = brand.Id, Date = Portal.Core.PlatformTime.DayOf(now).AddDays(-40), Gmv = 100m, UpdatedAt = now.AddDays(-40) });
            return await db.SaveChangesAsync();
        });
        // The card reads the portfolio's maintained rows (as its stalled view does); the drain job brings them up to date.
        await Portal.IntegrationTests.Core.Features.Portfolio.PortfolioRefreshQueueScenarios.RunJobAsync(app);
        using var browser = new BrowserClient(app);
        await browser.SignInAsync("ska@demo.test", "Portal!2026");

        var html = await browser.Http.GetStringAsync("/ops?culture=en");

        html.ShouldContain("data-code=\"gone-quiet\"");
        html.ShouldContain("/ops/brands/gone-quiet");
        html.ShouldContain("(40 days ago)");
        html.ShouldNotContain("data-code=\"demo-tea\"", customMessage: "the demo brand was created today");
    }
}
