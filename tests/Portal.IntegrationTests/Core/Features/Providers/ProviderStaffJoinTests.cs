using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>Staff watch providers and never work in one: inviting or accepting as a staff account is refused, nothing written.</summary>
public sealed class ProviderStaffJoinTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    private const string StaffJoin = "SKA staff accounts cannot join a provider. Use a separate, non-staff account to work for a provider.";

    [Fact]
    public async Task Invite_StaffAddress_IsRefusedAndNothingWritten()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var before = await fixture.App.WithDbAsync(db => db.ProviderInvitations.CountAsync());

        var outcome = await fixture.People.InviteAsync(await fixture.PrincipalAsync(manager), DemoData.OperatorEmail);

        outcome.Errors.ShouldBe([StaffJoin]);
        (await fixture.App.WithDbAsync(db => db.ProviderInvitations.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Accept_BySignedInStaffAccount_IsRefusedAndNothingWritten()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var person = await fixture.NewPersonAsync("later-staff");
        var token = await fixture.InviteAsync(manager, person);
        await MakeStaffAsync(person, PortalRoles.SkaOperator);
        var userId = await fixture.UserIdAsync(person);

        var outcome = await fixture.AcceptanceAsync(a => a.AcceptAsync(token, userId));

        outcome.Errors.ShouldBe([StaffJoin]);
        (await fixture.App.WithDbAsync(db => db.ProviderMembers.AnyAsync(m => m.UserId == userId))).ShouldBeFalse();
        (await fixture.HasProviderRoleAsync(person)).ShouldBeFalse();
        (await fixture.AcceptanceAsync(a => a.LookupAsync(token))).State.ShouldBe(InvitationState.Valid);
    }

    [Fact]
    public async Task AcceptWithNewAccount_WhenTheAddressIsAStaffAccount_IsRefusedAndNothingWritten()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var email = $"{ProvidersApp.Unique("admin-to-be")}@example.com";
        var token = await fixture.InviteAsync(manager, email);
        // The address becomes a staff account after the invitation went out.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, DisplayName = email, EmailConfirmed = true, PreferredCulture = "en" };
            (await users.CreateAsync(user, "Secret!2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, PortalRoles.Admin)).Succeeded.ShouldBeTrue();
        }

        var outcome = await fixture.AcceptanceAsync(a => a.AcceptWithNewAccountAsync(token, "Admin", "Secret!2026", "en"));

        outcome.Errors.ShouldBe([StaffJoin]);
        var userId = await fixture.UserIdAsync(email);
        (await fixture.App.WithDbAsync(db => db.ProviderMembers.AnyAsync(m => m.UserId == userId))).ShouldBeFalse();
        (await fixture.AcceptanceAsync(a => a.LookupAsync(token))).State.ShouldBe(InvitationState.Valid);
    }

    private async Task MakeStaffAsync(string email, string role)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        (await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, role)).Succeeded.ShouldBeTrue();
    }
}
