using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Localization;
using Portal.IntegrationTests.Web.Components.Journey;
using Portal.Web.Components.Layout;

namespace Portal.IntegrationTests.Web.Components.BrandHome;

/// <summary>The brand's sections in the side navigation, for a brand manager of the real app's brands.</summary>
public sealed class BrandSectionsNavTests : PortalTestContext, IClassFixture<JourneyAppFixture>
{
    private readonly JourneyAppFixture _fixture;

    public BrandSectionsNavTests(JourneyAppFixture fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<BrandDirectory>());
    }

    private async Task<(BrandSummary Brand, IRenderedComponent<NavMenu> Menu)> RenderForOwnerAsync(string? url = null)
    {
        var (brand, claims) = await _fixture.NewBrandAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("owner@example.com");
        auth.SetRoles(PortalRoles.BrandManager);
        auth.SetClaims(claims);
        if (url is not null)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        }

        var menu = Render<NavMenu>();
        menu.WaitForAssertion(() => menu.FindAll("[data-testid='brand-nav']").ShouldNotBeEmpty());
        return (brand, menu);
    }

    [Fact]
    public async Task BrandManager_SeesTheSectionsOfTheirBrandInTheSideNavigation()
    {
        var (brand, menu) = await RenderForOwnerAsync();

        var links = menu.FindAll("[data-testid='brand-nav'] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();

        links.ShouldBe(
        [
            ("Overview", $"/brands/{brand.Code}"),
            ("Dashboard", $"/brands/{brand.Code}/dashboard"),
            ("Application", $"/brands/{brand.Code}/application"),
            ("Qualifications", $"/brands/{brand.Code}/documents"),
            ("STEPS journey", $"/brands/{brand.Code}/journey"),
            ("Live streams", $"/brands/{brand.Code}/streams"),
            ("Trust card", $"/brands/{brand.Code}/trust-card"),
            ("Members", $"/brands/{brand.Code}/members"),
            ("Messages", $"/brands/{brand.Code}/messages"),
            ("Providers", $"/brands/{brand.Code}/providers"),
        ]);
        menu.Markup.ShouldContain("Test Tea · 测试茶");
    }

    [Fact]
    public async Task BrandManager_InChinese_SeesChineseSectionNames()
    {
        UseCulture(PortalCultures.Chinese);

        var (_, menu) = await RenderForOwnerAsync();

        var texts = menu.FindAll("[data-testid='brand-nav'] a").Select(a => a.TextContent.Trim()).ToList();
        texts.ShouldContain("直播计划");
        texts.ShouldNotContain("Live streams");
    }

    [Fact]
    public async Task BrandManager_OnABrandTheyDoNotBelongTo_StillSeesTheirOwnBrand()
    {
        var (brand, menu) = await RenderForOwnerAsync("/brands/demo-tea/journey");

        menu.FindAll("[data-testid='brand-nav'] a").First().GetAttribute("href").ShouldBe($"/brands/{brand.Code}");
    }

    [Fact]
    public async Task BrandGroup_Toggled_CollapsesAndExpandsItsSections()
    {
        var (_, menu) = await RenderForOwnerAsync();

        await menu.InvokeAsync(() => menu.Find("[data-testid='brand-nav'] > button").Click());
        var collapsedButton = menu.Find("[data-testid='brand-nav'] > button").GetAttribute("aria-expanded");
        var collapsedClass = menu.Find("[data-testid='brand-nav'] .mud-collapse-container").ClassName!;
        await menu.InvokeAsync(() => menu.Find("[data-testid='brand-nav'] > button").Click());

        collapsedButton.ShouldBe("false");
        collapsedClass.ShouldContain("mud-collapse-hidden");
        menu.Find("[data-testid='brand-nav'] > button").GetAttribute("aria-expanded").ShouldBe("true");
        menu.Find("[data-testid='brand-nav'] .mud-collapse-container").ClassName!.ShouldContain("mud-collapse-entered");
    }
}
