using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Providers;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>The brand's providers page against the real services: the owner revokes with a confirm and grants; staff read.</summary>
public sealed class BrandProvidersPageTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public BrandProvidersPageTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<BrandDirectory>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ILiveUpdates>());
        Services.AddSingleton(fixture.Service<BrandDelegationService>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<TimeProvider>());
    }

    private IRenderedComponent<BrandProvidersPage> RenderAs(ClaimsPrincipal user, string code, params string[] roles)
    {
        SignInAs(user, roles);
        return Render<BrandProvidersPage>(p => p.Add(x => x.Code, code));
    }

    [Fact]
    public async Task AnotherBrand_HidesThePreviousBrandsDelegations_WhileItsOwnAreRead()
    {
        var (first, _, owner) = await _fixture.NewBrandAsync();
        await _fixture.GrantXiaomanAsync(first, owner, DelegatedArea.StreamPlans);
        var (second, secondId) = await _fixture.SecondBrandAsync(first);
        var page = RenderAs(owner, first, PortalRoles.BrandManager);
        page.WaitForAssertion(() => page.Find("[data-testid='revoke']"));

        // The frame reads the brand by its code; the delegations' reads after that carry the brand's id.
        using (var slow = _fixture.Reads.Hold(secondId))
        {
            page.Render(p => p.Add(x => x.Code, second));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldContain(second));
            page.FindAll("[data-testid='delegations']").ShouldBeEmpty();
            page.FindAll("[data-testid='revoke']").ShouldBeEmpty();
            page.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
        }

        page.WaitForAssertion(() => page.Find("[data-testid='delegations-none']"));
    }

    [Fact]
    public async Task Owner_RevokesAfterConfirming_RowShowsRevoked()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync();
        await _fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans | DelegatedArea.Messages);
        var page = RenderAs(owner, code, PortalRoles.BrandManager);
        page.WaitForAssertion(() => page.Find("[data-testid='delegation-state']").TextContent.ShouldContain("Running"));
        page.Markup.ShouldContain("Stream plans, Messages with staff");

        await page.InvokeAsync(() => page.Find("[data-testid='revoke']").Click());
        page.WaitForAssertion(() => page.Markup.ShouldContain("Their people lose access at once"));
        await page.InvokeAsync(() => page.Find("[data-testid='revoke-confirm']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='delegation-state']").TextContent.ShouldContain("Revoked"));
        page.FindAll("[data-testid='revoke']").ShouldBeEmpty();
        (await _fixture.Service<BrandDirectory>().FindAccessibleAsync(_fixture.Provider2, code)).ShouldBeNull();
    }

    [Fact]
    public async Task Owner_GrantsWithNothingChosen_SeesWhyAndNothingIsWritten()
    {
        var (code, id, owner) = await _fixture.NewBrandAsync();
        var page = RenderAs(owner, code, PortalRoles.BrandManager);
        page.WaitForAssertion(() => page.Find("[data-testid='delegations-none']"));

        await page.InvokeAsync(() => page.Find("[data-testid='grant-submit']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='errors']").TextContent.ShouldContain("Choose an active provider."));
        page.Find("[data-testid='errors']").TextContent.ShouldContain("Choose at least one area.");
        (await _fixture.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.BrandDelegations, d => d.BrandId == id))).ShouldBe(0);
    }

    [Fact]
    public void Staff_ReadOnly_NoFormNoRevoke()
    {
        var page = RenderAs(_fixture.Staff, "demo-tea", PortalRoles.SkaOperator);

        page.WaitForAssertion(() => page.Find("[data-testid='delegations-readonly']"));
        page.Find("[data-testid='delegation-provider']").TextContent.ShouldBe("Farsail Operations");
        page.FindAll("[data-testid='grant-submit']").ShouldBeEmpty();
        page.FindAll("[data-testid='revoke']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Owner_DelegationRevokedBeforeItStarted_ShowsSoNotARange()
    {
        var (code, id, owner) = await _fixture.NewBrandAsync();
        var today = Portal.Core.PlatformTime.DayOf(_fixture.App.Clock.GetUtcNow());
        (await _fixture.Service<BrandDelegationService>().GrantAsync(owner, code, new GrantDelegationRequest(_fixture.XiaomanId, DelegatedArea.StreamPlans, today.AddDays(10), today.AddDays(40)))).Errors.ShouldBeEmpty();
        var delegation = (await _fixture.Service<BrandDelegationService>().ListAsync(owner, code))!.Delegations.Single();
        (await _fixture.Service<BrandDelegationService>().RevokeAsync(owner, code, delegation.Id)).Succeeded.ShouldBeTrue();

        var page = RenderAs(owner, code, PortalRoles.BrandManager);

        page.WaitForAssertion(() => page.Markup.ShouldContain("revoked before it started"));
    }

    [Fact]
    public void StaffTable_DelegationRevokedBeforeItStarted_ShowsSoNotAnInvertedRange()
    {
        var startsOn = new DateOnly(2026, 12, 1);
        var revoked = new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);
        var row = new ProviderDelegationView(Guid.NewGuid(), "b", "品牌", "Brand", DelegatedArea.StreamPlans, startsOn,
            new BrandDelegation { StartsOn = startsOn, RevokedAt = revoked }.LastDay, revoked, false);

        var table = Render<ProviderDelegationsTable>(p => p.Add(x => x.Delegations, [row]).Add(x => x.Label, "Delegations"));

        table.Find("[data-testid='delegation-revoked-before-start']").TextContent.ShouldBe("Revoked before it started");
        table.Markup.ShouldNotContain(Portal.Core.Localization.PortalDates.Day(startsOn.AddDays(-1)));
    }
}
