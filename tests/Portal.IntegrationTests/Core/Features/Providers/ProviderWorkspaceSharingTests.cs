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
        var providerId = await fixture.App.WithDbAsync(db => db.Providers.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
        var brandCode = $"sh-{Guid.NewGuid():N}"[..20];
        var owner = $"{brandCode}@example.com";
        var brandId = await TestBrands.CreateWithOwnerAsync(fixture.App, brandCode, owner, brandCode, "测试品牌");
        (await fixture.App.Services.GetRequiredService<BrandDelegationService>().GrantAsync(await fixture.PrincipalAsync(owner), brandCode,
            new GrantDelegationRequest(providerId, DelegatedArea.StreamPlans, PlatformTime.DayOf(fixture.App.Clock.GetUtcNow()), null))).Errors.ShouldBeEmpty();
        await fixture.App.Services.GetRequiredService<PortfolioRefresher>().RefreshAsync([brandId]);

        var brand = (await fixture.App.Services.GetRequiredService<ProviderWorkspace>().GetAsync(await fixture.PrincipalAsync(manager))).Value!.Brands.Single();

        brand.FiguresAsOf.ShouldNotBeNull("the brand has its portfolio row, with a GMV of its own");
        (brand.ShowsFigures, brand.Gmv30).ShouldBe((false, null));
        (brand.ShowsSteps, brand.Progress).ShouldBe((false, null));
        (brand.ShowsStalled, brand.Stalled).ShouldBe((false, null));
    }
}
