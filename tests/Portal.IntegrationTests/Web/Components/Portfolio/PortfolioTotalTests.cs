using Bunit;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Notifications;
using PortfolioPage = Portal.Web.Components.Pages.Portfolio.PortfolioPage;

namespace Portal.IntegrationTests.Web.Components.Portfolio;

/// <summary>
/// The count under the staff portfolio's grid, for one brand and for several, in both languages: the real
/// page over the real query (an app with the demo data; each test searches for brands of its own).
/// </summary>
public sealed class PortfolioTotalTests(NotificationsApp fixture) : PortfolioPageContext(fixture), IClassFixture<NotificationsApp>
{
    private async Task<IRenderedComponent<PortfolioPage>> PortfolioOfAsync(int brands) => (await OpenWithBrandsAsync("count", brands)).Page;

    private static void TotalShouldBe(IRenderedComponent<PortfolioPage> page, string text) =>
        page.WaitForAssertion(() => page.Find("[data-testid='portfolio-total']").TextContent.ShouldBe(text), TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Total_OfOneBrand_IsSingularInEnglish()
    {
        var page = await PortfolioOfAsync(1);

        TotalShouldBe(page, "1 brand");
        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-brand']").Count.ShouldBe(1));
    }

    [Fact]
    public async Task Total_OfSeveralBrands_IsPluralInEnglish()
    {
        var page = await PortfolioOfAsync(2);

        TotalShouldBe(page, "2 brands");
    }

    [Theory]
    [InlineData(1, "1 个品牌")]
    [InlineData(2, "2 个品牌")]
    public async Task Total_InChinese_HasNoPlural(int brands, string expected)
    {
        UseCulture(PortalCultures.Chinese);

        var page = await PortfolioOfAsync(brands);

        TotalShouldBe(page, expected);
    }
}
