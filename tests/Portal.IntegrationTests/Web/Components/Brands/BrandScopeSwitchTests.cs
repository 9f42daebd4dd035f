using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Live;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Brand;

namespace Portal.IntegrationTests.Web.Components.Brands;

/// <summary>
/// The frame of a brand's pages, moved to another brand through the router while a brand's read is still under way
/// (held back by <see cref="Infrastructure.ReadGate"/>): it shows the brand its address names, and nothing of another,
/// whichever answer lands first.
/// </summary>
public sealed class BrandScopeSwitchTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public BrandScopeSwitchTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<BrandDirectory>());
        Services.AddSingleton(fixture.Service<ILiveUpdates>());
    }

    [Fact]
    public async Task AnotherBrand_TheFirstBrandsAnswerLandingLast_IsDropped()
    {
        var (first, second) = await TwoBrandsAsync();
        using var slow = _fixture.Reads.Hold(first);
        var scope = Render(first);
        await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        scope.Render(p => p.Add(x => x.Code, second));
        scope.WaitForAssertion(() => Inside(scope).ShouldBe(second));
        await slow.LandAsync(() =>
        {
            Inside(scope).ShouldBe(second);
            scope.Find("h1").TextContent.ShouldNotContain(first);
        });
    }

    [Fact]
    public async Task AnotherBrand_TheFirstBrandsAnswerLandingFirst_IsDropped()
    {
        var (first, second) = await TwoBrandsAsync();
        using var slowFirst = _fixture.Reads.Hold(first);
        var scope = Render(first);
        await slowFirst.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        using (var slowSecond = _fixture.Reads.Hold(second))
        {
            scope.Render(p => p.Add(x => x.Code, second));
            await slowSecond.Reached.WaitAsync(TimeSpan.FromSeconds(10));
            await slowFirst.LandAsync(() =>
            {
                scope.FindAll("[data-testid='inside']").ShouldBeEmpty();
                scope.FindAll("h1").ShouldBeEmpty();
                scope.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
            });
        }

        scope.WaitForAssertion(() => Inside(scope).ShouldBe(second));
    }

    [Fact]
    public async Task AnotherBrand_HidesThePreviousBrandsPage_WhileItsOwnIsRead()
    {
        var (first, second) = await TwoBrandsAsync();
        var scope = Render(first);
        scope.WaitForAssertion(() => Inside(scope).ShouldBe(first));

        using (var slow = _fixture.Reads.Hold(second))
        {
            scope.Render(p => p.Add(x => x.Code, second));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            scope.FindAll("[data-testid='inside']").ShouldBeEmpty();
            scope.FindAll("h1").ShouldBeEmpty();
            scope.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
            // Named, so a screen reader says what the bar is (axe: aria-progressbar-name).
            scope.Find("[role='progressbar']").GetAttribute("aria-label").ShouldBe("Loading…");
        }

        scope.WaitForAssertion(() => Inside(scope).ShouldBe(second));
    }

    private async Task<(string First, string Second)> TwoBrandsAsync()
    {
        var (first, _, _) = await _fixture.NewBrandAsync("scope");
        var (second, _, _) = await _fixture.NewBrandAsync("scope");
        SignInAs(_fixture.Staff, PortalRoles.SkaOperator);
        return (first, second);
    }

    private static string Inside(IRenderedComponent<BrandScope> scope) => scope.Find("[data-testid='inside']").TextContent;

    private IRenderedComponent<BrandScope> Render(string code) => Render<BrandScope>(p => p
        .Add(x => x.Code, code)
        .Add(x => x.ChildContent, brand => $"<p data-testid=\"inside\">{brand.Code}</p>"));
}
