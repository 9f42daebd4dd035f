using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Brand;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>
/// A provider's person has a brand's page open; the owner revokes the delegation and the open page turns to Not Found
/// by itself (the brand-access live update), with no action or re-render by the test. Each test grants Xiaoman
/// (provider2@demo.test) on a brand of its own, so neither depends on what the other did or on their order.
/// </summary>
public sealed class BrandScopeRevocationTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;
    private bool _signedIn;

    public BrandScopeRevocationTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<BrandDirectory>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ILiveUpdates>());
    }

    private async Task<IRenderedComponent<BrandScope>> RenderAsync(string code, DelegatedArea area)
    {
        await SignInAsync();
        return Render<BrandScope>(p => p
            .Add(x => x.Code, code)
            .Add(x => x.Area, area)
            .Add(x => x.ChildContent, brand => $"<p data-testid=\"inside\">{brand.Code}</p>"));
    }

    private async Task SignInAsync()
    {
        if (!_signedIn)
        {
            var id = await _fixture.App.UserIdAsync(DemoData.SmallProviderManagerEmail);
            var auth = AddAuthorization();
            auth.SetAuthorized(DemoData.SmallProviderManagerEmail);
            auth.SetRoles(PortalRoles.Provider);
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id.ToString()));
            _signedIn = true;
        }
    }

    private static IReadOnlyList<string> Tabs(IRenderedComponent<BrandScope> scope) =>
        scope.FindAll("nav a").Select(a => a.GetAttribute("href") ?? "").ToList();

    [Fact]
    public async Task OpenPage_OwnerRevokes_TurnsToNotFoundWithoutReload()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("scope");
        var delegation = await _fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans | DelegatedArea.StepsTasks | DelegatedArea.MetricsImport);
        var scope = await RenderAsync(code, DelegatedArea.StreamPlans);
        scope.WaitForAssertion(() => scope.Find("[data-testid='inside']").TextContent.ShouldBe(code));
        // Only the delegated areas' tabs: dashboard (metrics import), journey (STEPS tasks), streams.
        Tabs(scope).ShouldBe([$"/brands/{code}/dashboard", $"/brands/{code}/journey", $"/brands/{code}/streams"]);
        scope.Find("[data-testid='brand-provider-chip']");

        (await _fixture.Service<BrandDelegationService>().RevokeAsync(owner, code, delegation)).Errors.ShouldBeEmpty();

        scope.WaitForAssertion(() => scope.FindAll("[data-testid='inside']").ShouldBeEmpty());
        scope.FindAll("h1").ShouldBeEmpty();
    }

    [Fact]
    public async Task PageOfAnAreaNotDelegated_ShowsNothingOfTheBrand()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("scope");
        await _fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans);
        // The delegation runs: the delegated area's page shows the brand, so the refusal below is the area's doing.
        var delegated = await RenderAsync(code, DelegatedArea.StreamPlans);
        delegated.WaitForAssertion(() => delegated.Find("[data-testid='inside']").TextContent.ShouldBe(code));

        var scope = await RenderAsync(code, DelegatedArea.Documents);

        scope.WaitForAssertion(() => scope.FindAll(".mud-progress-linear").ShouldBeEmpty());
        scope.FindAll("[data-testid='inside']").ShouldBeEmpty();
        scope.FindAll("h1").ShouldBeEmpty();
    }

    [Fact]
    public async Task Tabs_MarkTheSectionShownAsTheCurrentPage()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("scope");
        await _fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans | DelegatedArea.StepsTasks);
        await SignInAsync(); // before the first service is resolved: signing in registers services
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/brands/{code}/journey");

        var scope = await RenderAsync(code, DelegatedArea.StepsTasks);

        scope.WaitForAssertion(() => scope.Find("[data-testid='inside']").TextContent.ShouldBe(code));
        scope.Find("h1").TextContent.ShouldContain(code);
        scope.FindAll("nav a[aria-current='page']").Select(a => a.GetAttribute("href")).ShouldBe([$"/brands/{code}/journey"]);
        scope.Find("nav a[aria-current='page']").ClassList.ShouldContain("mud-button-filled");
        Tabs(scope).ShouldBe([$"/brands/{code}/journey", $"/brands/{code}/streams"]);
    }
}
