using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// Staff suspend a provider when something is wrong (a fraud signal): from that moment nothing of it reaches a brand,
/// its people's pages, its API clients or its workspace, until staff reinstate it on the delegations the brands granted.
/// </summary>
public sealed class ProviderSuspensionTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    private const string Reason = "Same certificate uploaded at two unrelated brands.";

    private ProviderSuspension Suspension => fixture.App.Services.GetRequiredService<ProviderSuspension>();

    [Fact]
    public async Task Suspended_ItsPeopleAndApiClientsReachNoBrand_UntilReinstated()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var (brandId, brandCode, owner) = await fixture.ServedBrandAsync(code, DelegatedArea.StreamPlans | DelegatedArea.MetricsImport);
        var clientId = $"feed-{Guid.NewGuid():N}"[..20];
        (await fixture.App.Services.GetRequiredService<ApiClientAdministration>().CreateAsync(
            await fixture.PrincipalAsync(DemoData.AdminEmail), clientId, "Feed", ["metrics.write"], ApiClientOwner.Provider(code))).Succeeded.ShouldBeTrue();
        var heard = new ConcurrentBag<string>();
        using var listener = fixture.App.Services.GetRequiredService<ILiveUpdates>().Listen(BrandDelegationService.LiveKind, heard.Add);
        (await ActingAsync(manager, brandId)).ShouldNotBeNull();

        var suspended = await Suspension.SuspendAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail), code, Reason);

        suspended.Succeeded.ShouldBeTrue(string.Join("; ", suspended.Errors));
        (await ActingAsync(manager, brandId)).ShouldBeNull();
        (await ScopeAsync(clientId)).BrandCodes.ShouldBeEmpty();
        var home = (await fixture.App.Services.GetRequiredService<ProviderWorkspace>().GetAsync(await fixture.PrincipalAsync(manager))).Value!;
        (home.Status, home.Brands.Count, home.SuspendedBecause).ShouldBe((ProviderStatus.Suspended, 0, Reason));
        heard.ShouldContain(brandId.ToString("D"), "the people's open brand pages re-check their access at once");
        (await TemplatesAsync(manager)).ShouldContain("ProviderSuspended");
        (await TemplatesAsync(owner)).ShouldContain("ProviderSuspended_ToBrand");

        var reinstated = await Suspension.ReinstateAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail), code);

        reinstated.Succeeded.ShouldBeTrue(string.Join("; ", reinstated.Errors));
        (await ActingAsync(manager, brandId)).ShouldNotBeNull("the brand's delegation stayed and counts again");
        (await ScopeAsync(clientId)).BrandCodes.ShouldBe([brandCode]);
        (await TemplatesAsync(owner)).ShouldContain("ProviderReinstated_ToBrand");
    }

    [Fact]
    public async Task Suspend_WithoutAReason_ByANonStaff_OrOfAProviderNotActive_IsRefused_AndChangesNothing()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var (applied, _) = await fixture.AppliedAsync();
        var staff = await fixture.PrincipalAsync(DemoData.OperatorEmail);

        var noReason = await Suspension.SuspendAsync(staff, code, "  ");
        var byManager = await Suspension.SuspendAsync(await fixture.PrincipalAsync(manager), code, Reason);
        var ofApplied = await Suspension.SuspendAsync(staff, applied, Reason);
        var reinstateActive = await Suspension.ReinstateAsync(staff, code);

        noReason.Errors.ShouldBe(["Give a reason for suspending the provider: its people and the brands it serves read it."]);
        byManager.Errors.ShouldBe(["Only SKA staff can do this."]);
        ofApplied.Errors.ShouldBe(["Only an active provider can be suspended (this one is Applied)."]);
        reinstateActive.Errors.ShouldBe(["This provider is not suspended (it is Active)."]);
        (await fixture.App.WithDbAsync(db => db.Providers.Where(p => p.Code == code).Select(p => p.Status).SingleAsync())).ShouldBe(ProviderStatus.Active);
    }

    [Fact]
    public async Task SuspendedProvider_CannotInviteColleagues()
    {
        var (code, manager) = await fixture.ActiveAsync();
        (await Suspension.SuspendAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail), code, Reason)).Succeeded.ShouldBeTrue();

        var invited = await fixture.People.InviteAsync(await fixture.PrincipalAsync(manager), "colleague@example.com");

        invited.Errors.ShouldBe(["The provider is suspended by SKA staff; colleagues can be invited again once it is reinstated."]);
    }

    private async Task<ProviderActing?> ActingAsync(string email, Guid brandId)
    {
        var userId = await fixture.UserIdAsync(email);
        return await fixture.App.WithDbAsync(db => Delegations.ActingAsync(db, userId, brandId, PlatformTime.DayOf(fixture.App.Clock.GetUtcNow())));
    }

    private Task<BrandScope> ScopeAsync(string clientId) => fixture.App.Services.GetRequiredService<ApiClientBrandScopes>().ForClientAsync(clientId);

    private async Task<List<string>> TemplatesAsync(string email)
    {
        var userId = await fixture.UserIdAsync(email);
        return await fixture.App.WithDbAsync(db => db.Notifications.Where(n => n.RecipientUserId == userId).Select(n => n.Template).ToListAsync());
    }
}
