using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// A person leaving a provider, whichever way: removed by a manager, or their Provider role taken by an admin. Either
/// way they lose the provider's brands and cannot come back through an invitation they sent; staff never belong to one.
/// </summary>
public sealed class ProviderDepartureTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    private UserAdministration Users => fixture.App.Services.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task AdminTakingTheProviderRole_TakesThePersonOutOfTheProvider_AndItsBrands()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var person = await JoinedAsync(manager, ProviderRole.Manager);
        var personId = await fixture.UserIdAsync(person);
        var brandId = (await fixture.ServedBrandAsync(code)).Id;
        var heard = new ConcurrentBag<string>();
        using var listener = fixture.App.Services.GetRequiredService<ILiveUpdates>().Listen(BrandDelegationService.LiveKind, heard.Add);

        var outcome = await Users.SetRolesAsync(await fixture.PrincipalAsync(DemoData.AdminEmail), personId, [PortalRoles.BrandManager]);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        (await fixture.People.ListAsync(await fixture.PrincipalAsync(person))).ShouldBeNull();
        (await fixture.HasProviderRoleAsync(person)).ShouldBeFalse();
        (await ActingAsync(personId, brandId)).ShouldBeNull();
        heard.ShouldContain(brandId.ToString("D"));
        (await fixture.People.ListAsync(await fixture.PrincipalAsync(manager)))!.Members.Select(m => m.Email).ShouldBe([manager]);
    }

    [Fact]
    public async Task AdminTakingTheProviderRole_OfTheLastManager_StillTakesThemOut()
    {
        // The one way out when a provider's only manager leaves the agency: nobody on the provider's side can remove them.
        var (code, manager) = await fixture.ActiveAsync();
        var managerId = await fixture.UserIdAsync(manager);
        var brandId = (await fixture.ServedBrandAsync(code)).Id;

        var outcome = await Users.SetRolesAsync(await fixture.PrincipalAsync(DemoData.AdminEmail), managerId, [PortalRoles.BrandManager]);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        (await ActingAsync(managerId, brandId)).ShouldBeNull();
        (await fixture.App.WithDbAsync(db => db.ProviderMembers.CountAsync(m => db.Providers.Any(p => p.Id == m.ProviderId && p.Code == code)))).ShouldBe(0);
    }

    [Fact]
    public async Task AdminGivingAStaffRole_ToAProviderPerson_IsRefused_AndChangesNothing()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var person = await JoinedAsync(manager, ProviderRole.Operator);
        var personId = await fixture.UserIdAsync(person);
        var brandId = (await fixture.ServedBrandAsync(code)).Id;

        var outcome = await Users.SetRolesAsync(await fixture.PrincipalAsync(DemoData.AdminEmail), personId, [PortalRoles.Provider, PortalRoles.SkaOperator]);

        outcome.Errors.ShouldBe([$"{person} works for the provider Provider {code}, and a person of a provider cannot be SKA staff. Take away their Provider role first: that takes them out of the provider."]);
        (await fixture.HasProviderRoleAsync(person)).ShouldBeTrue();
        (await fixture.App.WithDbAsync(db => db.UserRoles.CountAsync(r => r.UserId == personId))).ShouldBe(2); // BrandManager and Provider, as before
        (await ActingAsync(personId, brandId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task RemovedManager_CannotComeBack_ThroughAnInvitationTheySent()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var leaver = await JoinedAsync(manager, ProviderRole.Manager);
        var privateAddress = await fixture.NewPersonAsync("private");
        var token = await fixture.InviteAsync(leaver, privateAddress, ProviderRole.Manager);

        (await fixture.People.RemoveMemberAsync(await fixture.PrincipalAsync(manager), await fixture.UserIdAsync(leaver))).Succeeded.ShouldBeTrue();
        var accepted = await fixture.AcceptanceAsync(async a => await a.AcceptAsync(token, await fixture.UserIdAsync(privateAddress)));

        accepted.Errors.ShouldBe(["This invitation was withdrawn by the provider's manager."]);
        (await fixture.People.ListAsync(await fixture.PrincipalAsync(manager)))!.Members.Select(m => m.Email).ShouldBe([manager]);
    }

    [Fact]
    public async Task TwoManagers_RemovingEachOtherAtOnce_LeaveOneManager()
    {
        var (_, first) = await fixture.ActiveAsync();
        var second = await JoinedAsync(first, ProviderRole.Manager);
        var (firstId, secondId) = (await fixture.UserIdAsync(first), await fixture.UserIdAsync(second));
        var (firstCaller, secondCaller) = (await fixture.PrincipalAsync(first), await fixture.PrincipalAsync(second));

        // Each removal waits at its first read (the caller's own membership) until both are there: each has seen two managers.
        Outcome[] outcomes;
        using (var heldFirst = fixture.Reads.Hold(firstId))
        using (var heldSecond = fixture.Reads.Hold(secondId))
        {
            var running = new[] { fixture.People.RemoveMemberAsync(firstCaller, secondId), fixture.People.RemoveMemberAsync(secondCaller, firstId) };
            await heldFirst.WaitingAsync(1);
            await heldSecond.WaitingAsync(1);
            heldFirst.Release();
            heldSecond.Release();
            outcomes = await Task.WhenAll(running);
        }

        outcomes.Count(o => o.Succeeded).ShouldBe(1);
        outcomes.Single(o => !o.Succeeded).Errors.ShouldBe(["Only the provider's manager can manage its people."]);
        var left = await fixture.App.WithDbAsync(db => db.ProviderMembers.Where(m => m.UserId == firstId || m.UserId == secondId).ToListAsync());
        left.ShouldHaveSingleItem().Role.ShouldBe(ProviderRole.Manager);
    }

    private async Task<string> JoinedAsync(string manager, ProviderRole role)
    {
        var person = await fixture.NewPersonAsync("joined");
        var token = await fixture.InviteAsync(manager, person, role);
        (await fixture.AcceptanceAsync(async a => await a.AcceptAsync(token, await fixture.UserIdAsync(person)))).Succeeded.ShouldBeTrue();
        return person;
    }

    private Task<ProviderActing?> ActingAsync(Guid userId, Guid brandId) =>
        fixture.App.WithDbAsync(db => Delegations.ActingAsync(db, userId, brandId, PlatformTime.DayOf(fixture.App.Clock.GetUtcNow())));
}
