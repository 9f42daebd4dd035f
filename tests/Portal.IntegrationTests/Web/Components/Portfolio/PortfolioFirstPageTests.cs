using System.Globalization;
using Bunit;
using Bunit.Extensions.WaitForHelpers;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Core.Features.Notifications;
using Portal.Web.Components.Pages.Portfolio;
using PortfolioPage = Portal.Web.Components.Pages.Portfolio.PortfolioPage;

namespace Portal.IntegrationTests.Web.Components.Portfolio;

/// <summary>
/// The portfolio's first page arrives with the page: the prerender loads it and hands it to the circuit (Blazor's
/// persisted component state), which shows it without a second query; a circuit without it loads its own.
/// </summary>
public sealed class PortfolioFirstPageTests(NotificationsApp fixture) : PortfolioPageContext(fixture), IClassFixture<NotificationsApp>
{
    private static IReadOnlyList<string> Codes(IRenderedComponent<PortfolioPage> page) =>
        page.FindAll("[data-testid='portfolio-brand']").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();

    // A row no query returns: seen on the page only if the page took it from the prerender's state.
    private static PortfolioRowView Handed(string code) => new(
        Guid.NewGuid(), code, "Handed over", ["Tea"], GrowthTier.Ka, ApplicationStatus.Approved, ComplianceStatus.Compliant,
        [10, 20, 30, 40, 50], 5_000m, 4_000m, 25, null, null, false, null, 0, null);

    private static PortfolioSpec SpecOf(string search) => new() { Search = search };

    [Fact]
    public async Task Prerender_LoadsTheFirstPage_AndHandsItToTheCircuit()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prefix = await NewBrandsAsync("first", 2);

        var page = await OpenAsync($"?q={prefix}&sort=Code");

        page.WaitForAssertion(() => Codes(page).Count.ShouldBe(2), TimeSpan.FromSeconds(10));
        page.FindAll(".mud-table-loading").ShouldBeEmpty();
        var handed = (await HandedOverAsync()).ShouldNotBeNull();
        handed.Spec.ShouldBe(SpecOf(prefix) with { Sort = PortfolioSort.Code });
        handed.Asked.ShouldBe(handed.Spec);
        handed.Culture.ShouldBe(CultureInfo.CurrentUICulture.Name);
        handed.Total.ShouldBe(2);
        handed.Views().Select(r => r.Code).ShouldBe(Codes(page));
    }

    [Fact]
    public async Task Prerender_PastTheLastPage_ShowsTheLastPage_AndHandsItOverForTheAddressAskedFor()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prefix = await NewBrandsAsync("past", 3);

        var page = await OpenAsync($"?q={prefix}&size=10&page=4");

        page.WaitForAssertion(() => Codes(page).Count.ShouldBe(3), TimeSpan.FromSeconds(10));
        var handed = (await HandedOverAsync()).ShouldNotBeNull();
        handed.Asked.Page.ShouldBe(3);
        handed.Spec.Page.ShouldBe(0);
    }

    [Fact]
    public async Task Circuit_ShowsThePrerendersRows_AndNeverQueriesForThem()
    {
        var prefix = await NewBrandsAsync("taken", 1);
        var handed = Handed($"{prefix}-HANDED");
        ApplicationState.Persist(FirstPageState.Key, FirstPageState.Of(SpecOf(prefix), SpecOf(prefix), [handed], 1, []));

        var page = await OpenAsync($"?q={prefix}");

        Codes(page).ShouldBe([handed.Code]);
        page.FindAll(".mud-table-loading").ShouldBeEmpty();
        page.Find("[data-testid='portfolio-total']").TextContent.ShouldBe("1 brand");
        // A query would show the real brand within moments (as the test below shows); none comes.
        Should.Throw<WaitForFailedException>(() => page.WaitForAssertion(() => Codes(page).ShouldContain(c => c != handed.Code && c.StartsWith(prefix)), TimeSpan.FromSeconds(2)));
        Codes(page).ShouldBe([handed.Code]);
    }

    [Fact]
    public async Task Circuit_GivenTheLastPageForAnAddressPastIt_ShowsIt_AndPutsItInTheAddress()
    {
        var prefix = await NewBrandsAsync("moved", 1);
        var handed = Handed($"{prefix}-HANDED");
        var asked = SpecOf(prefix) with { Page = 3, PageSize = 10 };
        ApplicationState.Persist(FirstPageState.Key, FirstPageState.Of(asked, asked with { Page = 0 }, [handed], 1, []));

        var page = await OpenAsync($"?q={prefix}&size=10&page=4");

        Codes(page).ShouldBe([handed.Code]);
        page.WaitForAssertion(() => Url.ShouldNotContain("page="), TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("another view")]
    [InlineData("another language")]
    public async Task Circuit_GivenThePrerenderOfAnotherPage_LoadsItsOwn(string difference)
    {
        var prefix = await NewBrandsAsync("other", 1);
        var handed = Handed($"{prefix}-HANDED");
        var other = SpecOf(prefix) with { Tier = GrowthTier.Ka };
        var state = difference == "another view"
            ? FirstPageState.Of(other, other, [handed], 1, [])
            : FirstPageState.Of(SpecOf(prefix), SpecOf(prefix), [handed], 1, []) with { Culture = "xx-ANOTHER" };
        ApplicationState.Persist(FirstPageState.Key, state);

        var page = await OpenAsync($"?q={prefix}");

        page.WaitForAssertion(() => Codes(page).ShouldHaveSingleItem().ShouldStartWith(prefix), TimeSpan.FromSeconds(10));
        Codes(page).ShouldNotContain(handed.Code);
    }

    [Fact]
    public void Offer_OfAPageTooLargeForHalfTheReceiveLimit_HandsNothing()
    {
        var state = Services.GetRequiredService<PersistentComponentState>();
        var rows = Enumerable.Range(0, 100).Select(i => Handed($"brand-{i:000}") with { Name = "云南普洱茶叶有限公司", Categories = ["茶叶", "食品饮料"], AccountManager = "赵敏" }).ToList();

        FirstPageState.Offer(state, FirstPageState.Of(SpecOf(""), SpecOf(""), rows[..25], 100, []), 32 * 1024, out var fits).ShouldBeTrue();
        FirstPageState.Offer(state, FirstPageState.Of(SpecOf(""), SpecOf(""), rows, 100, []), 32 * 1024, out var tooLarge).ShouldBeFalse();
        fits.Dispose();
        tooLarge.Dispose();
    }
}
