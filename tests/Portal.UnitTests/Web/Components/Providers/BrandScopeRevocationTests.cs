using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.UnitTests.Core.Features.Journey;
using Portal.UnitTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Brand;

namespace Portal.UnitTests.Web.Components.Providers;

/// <summary>
/// A provider's person has Cloud Tea's streams page open; the owner revokes Farsail's delegation and the open page
/// turns to Not Found by itself (the brand-access live update), with no action or re-render by the test.
/// Its own app: the test revokes the demo's delegation.
/// </summary>
public sealed class BrandScopeRevocationTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public BrandScopeRevocationTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<BrandDirectory>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ILiveUpdates>());
    }

    private async Task<IRenderedComponent<BrandScope>> RenderAsync(DelegatedArea area)
    {
        var id = await _fixture.App.UserIdAsync(DemoData.ProviderOperatorEmail);
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoData.ProviderOperatorEmail);
        auth.SetRoles(PortalRoles.Provider);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id.ToString()));
        return Render<BrandScope>(p => p
            .Add(x => x.Code, "demo-tea")
            .Add(x => x.Area, area)
            .Add(x => x.ChildContent, brand => $"<p data-testid=\"inside\">{brand.Code}</p>"));
    }

    private static IReadOnlyList<string> Tabs(IRenderedComponent<BrandScope> scope) =>
        scope.FindAll("nav a").Select(a => a.GetAttribute("href") ?? "").ToList();

    [Fact]
    public async Task OpenPage_OwnerRevokes_TurnsToNotFoundWithoutReload()
    {
        var scope = await RenderAsync(DelegatedArea.StreamPlans);
        scope.WaitForAssertion(() => scope.Find("[data-testid='inside']").TextContent.ShouldBe("demo-tea"));
        // Only the delegated areas' tabs: dashboard (metrics import), journey (STEPS tasks), streams.
        Tabs(scope).ShouldBe(["/brands/demo-tea/dashboard", "/brands/demo-tea/journey", "/brands/demo-tea/streams"]);
        scope.Find("[data-testid='brand-provider-chip']");

        var farsail = await _fixture.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.BrandDelegations.Where(d => d.BrandId == _fixture.DemoTeaId && d.ProviderId == _fixture.FarsailId && d.RevokedAt == null)));
        (await _fixture.Service<BrandDelegationService>().RevokeAsync(_fixture.Owner, "demo-tea", farsail.Id)).Errors.ShouldBeEmpty();

        scope.WaitForAssertion(() => scope.FindAll("[data-testid='inside']").ShouldBeEmpty());
        scope.FindAll("h1").ShouldBeEmpty();
    }

    [Fact]
    public async Task PageOfAnAreaNotDelegated_ShowsNothingOfTheBrand()
    {
        var scope = await RenderAsync(DelegatedArea.Documents);

        scope.WaitForAssertion(() => scope.FindAll(".mud-progress-linear").ShouldBeEmpty());
        scope.FindAll("[data-testid='inside']").ShouldBeEmpty();
        scope.FindAll("h1").ShouldBeEmpty();
    }
}
