using Bunit;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Notifications;
using PortfolioPage = Portal.Web.Components.Pages.Portfolio.PortfolioPage;

namespace Portal.IntegrationTests.Web.Components.Portfolio;

/// <summary>
/// The portfolio's own table (plain markup, no data grid): sorting by a header's button, the pager, the rows-per-page
/// choice, the filters and the saved views, each kept in the URL. The real page over the real query; each test
/// searches for brands of its own.
/// </summary>
public sealed class PortfolioTableTests(NotificationsApp fixture) : PortfolioPageContext(fixture), IClassFixture<NotificationsApp>
{
    /// <summary>Opens the portfolio over <paramref name="brands"/> new brands and waits for the first page's rows (at most 10 by the default view).</summary>
    private async Task<(IRenderedComponent<PortfolioPage> Page, string Prefix)> PortfolioOfAsync(int brands, string query = "")
    {
        var (page, prefix) = await OpenWithBrandsAsync("tbl", brands, query);
        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").Count.ShouldBe(Math.Min(brands, 10)), TimeSpan.FromSeconds(10));
        return (page, prefix);
    }

    private static AngleSharp.Dom.IElement PagerButton(IRenderedComponent<PortfolioPage> page, string label) =>
        page.Find($".mud-table-pagination button[aria-label='{label}']");

    [Fact]
    public async Task SortButton_SortsAscendingThenDescendingThenBackToTheName_InTheUrlAndAriaSort()
    {
        var (page, _) = await PortfolioOfAsync(2);
        page.Find("th.sticky-left").GetAttribute("aria-sort").ShouldBe("ascending");

        AngleSharp.Dom.IElement GmvHeader() => page.FindAll("th").Single(th => th.TextContent.Trim().StartsWith("GMV 30d", StringComparison.Ordinal));
        GmvHeader().HasAttribute("aria-sort").ShouldBeFalse();

        await page.InvokeAsync(() => GmvHeader().QuerySelector("button")!.Click());
        page.WaitForAssertion(() => GmvHeader().GetAttribute("aria-sort").ShouldBe("ascending"));
        Url.ShouldContain("sort=Gmv");
        page.Find("th.sticky-left").HasAttribute("aria-sort").ShouldBeFalse();

        await page.InvokeAsync(() => GmvHeader().QuerySelector("button")!.Click());
        page.WaitForAssertion(() => GmvHeader().GetAttribute("aria-sort").ShouldBe("descending"));
        Url.ShouldContain("sort=Gmv.desc");
        GmvHeader().QuerySelector(".sort-direction-icon")!.ClassList.ShouldContain("mud-direction-desc");

        await page.InvokeAsync(() => GmvHeader().QuerySelector("button")!.Click());
        page.WaitForAssertion(() => page.Find("th.sticky-left").GetAttribute("aria-sort").ShouldBe("ascending"));
        Url.ShouldNotContain("sort=");
    }

    [Fact]
    public async Task Pager_MovesToTheNextAndFirstPage_AndShowsTheRange()
    {
        var (page, _) = await PortfolioOfAsync(11, "&size=10");
        page.WaitForAssertion(() => page.FindAll(".mud-table-loading").ShouldBeEmpty());
        page.Find(".mud-table-pagination").TextContent.ShouldContain("1-10 of 11");
        PagerButton(page, "First page").HasAttribute("disabled").ShouldBeTrue();
        PagerButton(page, "Previous page").HasAttribute("disabled").ShouldBeTrue();
        PagerButton(page, "Last page").HasAttribute("disabled").ShouldBeFalse();

        await page.InvokeAsync(() => PagerButton(page, "Next page").Click());

        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").Count.ShouldBe(1));
        page.Find(".mud-table-pagination").TextContent.ShouldContain("11-11 of 11");
        PagerButton(page, "Next page").HasAttribute("disabled").ShouldBeTrue();
        Url.ShouldContain("page=2");

        await page.InvokeAsync(() => PagerButton(page, "First page").Click());
        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").Count.ShouldBe(10));
        Url.ShouldNotContain("page=");
    }

    [Fact]
    public async Task PagerButtons_KeepTheirHandlersWhenThePageRendersAgain()
    {
        // A re-render that leaves the pager alone (a column hidden) must not give its buttons new event handlers:
        // every new id is sent to each open browser in the render batch (docs/BENCHMARKS.md, issue 17).
        var (page, _) = await PortfolioOfAsync(11, "&size=10");
        page.WaitForAssertion(() => page.FindAll(".mud-table-loading").ShouldBeEmpty());
        string[] labels = ["First page", "Previous page", "Next page", "Last page"];
        var before = labels.Select(l => PagerButton(page, l).GetAttribute("blazor:onclick")).ToList();
        before.ShouldAllBe(id => !string.IsNullOrEmpty(id));

        await page.InvokeAsync(() => page.Find("[data-testid='column-Gmv']").Change(false));

        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-gmv']").ShouldBeEmpty());
        labels.Select(l => PagerButton(page, l).GetAttribute("blazor:onclick")).ShouldBe(before);
    }

    [Fact]
    public async Task RowsPerPage_IsALabelledSelect_AndAMoreRowsChoiceShowsThemAll()
    {
        var (page, _) = await PortfolioOfAsync(11, "&size=10");
        page.Find("label[for='portfolio-page-size']").TextContent.ShouldBe("Rows per page:");
        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").Count.ShouldBe(10));

        await page.InvokeAsync(() => page.Find("select#portfolio-page-size").Change("25"));

        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").Count.ShouldBe(11));
        page.Find(".mud-table-pagination").TextContent.ShouldContain("1-11 of 11");
        page.Find("select#portfolio-page-size").GetAttribute("value").ShouldBe("25");
        Url.ShouldNotContain("size=");
    }

    [Fact]
    public async Task RowsPerPage_ALinkWithASizeNotOffered_ShowsTheLargestOfferedBelowIt()
    {
        var (page, _) = await PortfolioOfAsync(12, "&size=11");

        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").Count.ShouldBe(10));
        page.Find("select#portfolio-page-size").GetAttribute("value").ShouldBe("10");
        page.Find(".mud-table-pagination").TextContent.ShouldContain("1-10 of 12");
    }

    [Fact]
    public async Task Filters_AreLabelledSelects_AndABlockedFilterLeavesNoneOfTheNewBrands()
    {
        var (page, _) = await PortfolioOfAsync(1);
        foreach (var id in new[] { "portfolio-search", "portfolio-tier", "portfolio-status", "portfolio-compliance" })
        {
            page.Find($"label[for='{id}']").TextContent.ShouldNotBeNullOrWhiteSpace();
        }

        await page.InvokeAsync(() => page.Find("select[data-testid='filter-compliance']").Change("Blocked"));

        page.WaitForAssertion(() => page.Find("[data-testid='portfolio-empty']").TextContent.ShouldNotBeNullOrWhiteSpace());
        Url.ShouldContain("compliance=Blocked");
        page.Find("[data-testid='portfolio-total']").TextContent.ShouldBe("0 brands");

        // Clearing empties the search box too: every brand shows again.
        await page.InvokeAsync(() => page.Find("[data-testid='filter-clear']").Click());
        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").ShouldNotBeEmpty());
        Url.ShouldNotContain("compliance=");
        Url.ShouldNotContain("q=");
        page.Find("select[data-testid='filter-compliance']").GetAttribute("value").ShouldBe("");
    }

    [Fact]
    public async Task SearchBox_SearchesAfterTypingStops()
    {
        var (page, prefix) = await PortfolioOfAsync(1);

        await page.InvokeAsync(() => page.Find("[data-testid='filter-search']").Input(prefix + "-nothing"));

        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-empty']").Count.ShouldBe(1), TimeSpan.FromSeconds(10));
        Url.ShouldContain("-nothing");
    }

    [Fact]
    public async Task View_PressedInTheUrl()
    {
        var (page, _) = await PortfolioOfAsync(1);

        await page.InvokeAsync(() => page.Find("[data-testid='view-blocked']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='view-blocked']").GetAttribute("aria-pressed").ShouldBe("true"));
        page.Find("[data-testid='view-all']").GetAttribute("aria-pressed").ShouldBe("false");
        Url.ShouldContain("view=blocked");
    }

    [Fact]
    public async Task ExportButton_StartsAnExport_AndDownloadsTheFileOfTheFilteredRows()
    {
        var (page, _) = await PortfolioOfAsync(1);

        await page.InvokeAsync(() => page.Find("[data-testid='export-csv']").Click());

        // The page polls the export's progress and then navigates to the file (a download; the page stays).
        page.WaitForAssertion(() => Url.ShouldContain("/ops/portfolio/export/"), TimeSpan.FromSeconds(10));
        page.Find("[data-testid='export-progress']").TextContent.ShouldNotBeNullOrWhiteSpace();
        page.Find("[data-testid='export-csv']").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Pager_InChinese_ReadsChinese()
    {
        UseCulture(PortalCultures.Chinese);

        var (page, _) = await PortfolioOfAsync(1);

        var pager = page.Find(".mud-table-pagination");
        pager.TextContent.ShouldContain("每页行数");
        pager.TextContent.ShouldContain("第 1-1 条，共 1 条");
        pager.QuerySelectorAll("button").Select(b => b.GetAttribute("aria-label")).ShouldBe(["第一页", "上一页", "下一页", "最后一页"]);
    }
}
