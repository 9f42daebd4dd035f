using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>A provider's home shows of a brand only what the brand hands over: its figures with Metrics import, its STEPS with STEPS tasks.</summary>
public sealed class ProviderWorkspaceSharingTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    [Fact]
    public async Task BrandThatHandsOverStreamPlansOnly_ShowsNoFiguresProgressOrStall_EvenWithItsPortfolioRow()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var brandId = (await fixture.ServedBrandAsync(code, DelegatedArea.StreamPlans)).Id;
        await fixture.App.Services.GetRequiredService<PortfolioRefresher>().RefreshAsync([brandId]);

        var brand = (await fixture.App.Services.GetRequiredService<ProviderWorkspace>().GetAsync(await fixture.PrincipalAsync(manager))).Value!.Brands.Single();

        brand.FiguresAsOf.ShouldNotBeNull("the brand has its portfolio row, with a GMV of its own");
        (brand.ShowsFigures, brand.Gmv30).ShouldBe((false, null));
        (brand.ShowsSteps, brand.Progress).ShouldBe((false, null));
        (brand.ShowsStalled, brand.Stalled).ShouldBe((false, null));
    }
}
