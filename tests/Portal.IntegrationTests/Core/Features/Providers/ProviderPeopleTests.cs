using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>A provider's people: invitations by single-use link, one provider per person, and what only a manager may do.</summary>
public sealed class ProviderPeopleTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    [Fact]
    public async Task Invite_AnAddressLongerThanAnAccountsCanBe_IsRefusedAndSendsNothing()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var address = new string('a', 245) + "@example.com"; // 257 characters: an account's address holds 256

        var outcome = await fixture.People.InviteAsync(await fixture.PrincipalAsync(manager), address);

        outcome.Errors.ShouldBe(["Colleague's e-mail: enter a valid e-mail address."]);
        (await fixture.App.WithDbAsync(db => db.ProviderInvitations.AnyAsync(i => i.Email == address))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invitation_AcceptedWithANameLongerThanRegistrationAllows_IsRefusedAndMakesNoAccount()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var email = $"{ProvidersApp.Unique("long")}@example.com";
        var token = await fixture.InviteAsync(manager, email);

        var accepted = await fixture.AcceptanceAsync(a => a.AcceptWithNewAccountAsync(token, new string('N', 101), "Secret!2026", "en"));

        accepted.Errors.ShouldBe(["Name can be at most 100 characters."]);
        (await fixture.App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invitation_AcceptedWithANewAccount_JoinsAsOperatorWithTheProviderRole_AndWorksOnlyOnce()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var email = $"{ProvidersApp.Unique("new")}@example.com";
        var token = await fixture.InviteAsync(manager, email);
        var stored = await fixture.App.WithDbAsync(db => db.ProviderInvitations.SingleAsync(i => i.Email == email));
        stored.TokenHash.ShouldBe(InvitationTokens.Hash(token));
        stored.TokenHash.ShouldNotContain(token);

        var first = await fixture.AcceptanceAsync(a => a.AcceptWithNewAccountAsync(token, "New Operator", "Secret!2026", "en"));
        var second = await fixture.AcceptanceAsync(a => a.AcceptWithNewAccountAsync(token, "Someone Else", "Secret!2026", "en"));

        first.Succeeded.ShouldBeTrue(string.Join("; ", first.Errors));
        second.Errors.ShouldBe(["This invitation has already been used."]);
        (await fixture.AcceptanceAsync(a => a.LookupAsync(token))).State.ShouldBe(InvitationState.Used);
        (await fixture.HasProviderRoleAsync(email)).ShouldBeTrue();
        var view = (await fixture.People.ListAsync(await fixture.PrincipalAsync(email)))!;
        view.Code.ShouldBe(code);
        view.CanManage.ShouldBeFalse();
        view.Members.Single(m => m.Email == email).Role.ShouldBe(ProviderRole.Operator);
        (await fixture.People.ListAsync(await fixture.PrincipalAsync(manager)))!.PendingInvitations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invitation_AsManager_LinksTheSignedInAccountInThatRole()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var colleague = await fixture.NewPersonAsync("colleague");
        var token = await fixture.InviteAsync(manager, colleague, ProviderRole.Manager);
        var lookup = await fixture.AcceptanceAsync(a => a.LookupAsync(token));
        lookup.AccountExists.ShouldBeTrue();
        lookup.Role.ShouldBe(ProviderRole.Manager);

        var colleagueId = await fixture.UserIdAsync(colleague);
        var outcome = await fixture.AcceptanceAsync(a => a.AcceptAsync(token, colleagueId));

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        (await fixture.People.ListAsync(await fixture.PrincipalAsync(colleague)))!.CanManage.ShouldBeTrue();
    }

    [Fact]
    public async Task Invitation_AfterItsDays_HasExpired()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var colleague = await fixture.NewPersonAsync("late");
        var sent = fixture.App.Clock.GetUtcNow();
        var token = await fixture.InviteAsync(manager, colleague);
        var colleagueId = await fixture.UserIdAsync(colleague);

        fixture.App.Clock.MoveTo(sent.AddDays(7).AddMinutes(1));
        try
        {
            var outcome = await fixture.AcceptanceAsync(a => a.AcceptAsync(token, colleagueId));
            var created = await fixture.AcceptanceAsync(a => a.AcceptWithNewAccountAsync(token, "Late", "Secret!2026", "en"));

            outcome.Errors.ShouldBe(["This invitation has expired. Ask the provider's manager for a new one."]);
            created.Errors.ShouldBe(["This invitation has expired. Ask the provider's manager for a new one."]);
            (await fixture.AcceptanceAsync(a => a.LookupAsync(token))).State.ShouldBe(InvitationState.Expired);
            (await fixture.App.WithDbAsync(db => db.ProviderMembers.AnyAsync(m => m.UserId == colleagueId))).ShouldBeFalse();
        }
        finally
        {
            fixture.App.Clock.MoveTo(sent);
        }
    }

    [Fact]
    public async Task Invitation_ToAPersonInAnotherProvider_IsRefusedWithAClearMessage()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var token = await fixture.InviteAsync(manager, DemoData.ProviderOperatorEmail);

        var outcome = await fixture.AcceptanceAsync(async a => await a.AcceptAsync(token, await fixture.UserIdAsync(DemoData.ProviderOperatorEmail)));

        outcome.Errors.ShouldBe([$"You already belong to another provider ({DemoData.ProviderNameEn}). A person can work for one provider only: ask that provider's manager to remove you first."]);
        (await fixture.AcceptanceAsync(a => a.LookupAsync(token))).State.ShouldBe(InvitationState.Valid, "the link stays usable once the person has left the other provider");
        (await fixture.People.ListAsync(await fixture.PrincipalAsync(DemoData.ProviderOperatorEmail)))!.Code.ShouldBe(DemoData.ProviderCode);
    }

    [Fact]
    public async Task Invitation_ForAnotherAddress_OrWithdrawn_OrMadeUp_CannotBeUsed()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var invited = await fixture.NewPersonAsync("invited");
        var other = await fixture.NewPersonAsync("other");
        var token = await fixture.InviteAsync(manager, invited);

        var byOther = await fixture.AcceptanceAsync(async a => await a.AcceptAsync(token, await fixture.UserIdAsync(other)));
        var pending = (await fixture.People.ListAsync(await fixture.PrincipalAsync(manager)))!.PendingInvitations.ShouldHaveSingleItem();
        (await fixture.People.RevokeInvitationAsync(await fixture.PrincipalAsync(manager), pending.Id)).Succeeded.ShouldBeTrue();
        var afterRevoke = await fixture.AcceptanceAsync(async a => await a.AcceptAsync(token, await fixture.UserIdAsync(invited)));

        byOther.Errors.ShouldBe([$"This invitation was sent to {invited}. Sign out, then sign in with that address to accept it."]);
        afterRevoke.Errors.ShouldBe(["This invitation was withdrawn by the provider's manager."]);
        (await fixture.AcceptanceAsync(a => a.LookupAsync("made-up-token"))).State.ShouldBe(InvitationState.Unknown);
        (await fixture.AcceptanceAsync(a => a.AcceptAsync("made-up-token", Guid.NewGuid()))).Errors
            .ShouldBe(["This invitation link is not valid. Ask the provider's manager for a new one."]);
    }

    [Fact]
    public async Task ManagerActions_ByAnOperatorOrAnOutsider_AreRefused()
    {
        var (code, manager) = await fixture.ActiveAsync();
        var operatorEmail = $"{ProvidersApp.Unique("op")}@example.com";
        (await fixture.AcceptanceAsync(async a => await a.AcceptWithNewAccountAsync(await fixture.InviteAsync(manager, operatorEmail), "Op", "Secret!2026", "en"))).Succeeded.ShouldBeTrue();
        await fixture.InviteAsync(manager, "pending@example.com");
        var managerId = await fixture.UserIdAsync(manager);
        var invitationId = (await fixture.People.ListAsync(await fixture.PrincipalAsync(manager)))!.PendingInvitations.Single().Id;
        var invitationsBefore = await fixture.App.WithDbAsync(db => db.ProviderInvitations.CountAsync());

        foreach (var email in new[] { operatorEmail, DemoData.ProviderManagerEmail, DemoData.BrandManagerEmail, DemoData.OperatorEmail })
        {
            var caller = await fixture.PrincipalAsync(email);
            var invite = await fixture.People.InviteAsync(caller, "x@example.com");
            var remove = await fixture.People.RemoveMemberAsync(caller, managerId);
            var revoke = await fixture.People.RevokeInvitationAsync(caller, invitationId);

            if (email == DemoData.ProviderManagerEmail)
            {
                // Farsail's manager manages Farsail: the invitation goes to Farsail, and another provider's people and invitations are out of reach.
                invite.Succeeded.ShouldBeTrue();
                continue;
            }

            invite.Errors.ShouldBe(["Only the provider's manager can manage its people."], email);
            remove.Errors.ShouldBe(["Only the provider's manager can manage its people."], email);
            revoke.Errors.ShouldBe(["Only the provider's manager can manage its people."], email);
        }

        var view = (await fixture.People.ListAsync(await fixture.PrincipalAsync(manager)))!;
        view.Code.ShouldBe(code);
        view.Members.Select(m => m.Email).ShouldBe([manager, operatorEmail]);
        view.PendingInvitations.ShouldHaveSingleItem().Id.ShouldBe(invitationId);
        (await fixture.App.WithDbAsync(db => db.ProviderInvitations.CountAsync())).ShouldBe(invitationsBefore + 1);
        (await fixture.App.WithDbAsync(db => db.ProviderInvitations.Where(i => i.Email == "x@example.com").Select(i => i.ProviderId)
            .Join(db.Providers, id => id, p => p.Id, (_, p) => p.Code).SingleAsync())).ShouldBe(DemoData.ProviderCode);
    }

    [Fact]
    public async Task RemoveMember_TakesTheOperatorOut_ButNeverTheLastManager()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var operatorEmail = $"{ProvidersApp.Unique("leaver")}@example.com";
        var joined = await fixture.AcceptanceAsync(async a => await a.AcceptWithNewAccountAsync(await fixture.InviteAsync(manager, operatorEmail), "Leaver", "Secret!2026", "en"));
        var principal = await fixture.PrincipalAsync(manager);

        var removed = await fixture.People.RemoveMemberAsync(principal, joined.Value);
        var lastManager = await fixture.People.RemoveMemberAsync(principal, await fixture.UserIdAsync(manager));

        removed.Succeeded.ShouldBeTrue();
        (await fixture.People.ListAsync(await fixture.PrincipalAsync(operatorEmail))).ShouldBeNull();
        (await fixture.HasProviderRoleAsync(operatorEmail)).ShouldBeFalse();
        lastManager.Errors.ShouldBe(["The provider's last manager cannot be removed."]);
        (await fixture.People.ListAsync(principal))!.Members.Select(m => m.Email).ShouldBe([manager]);
    }

    [Fact]
    public async Task Invite_WithABadAddress_OrAnExistingMember_IsRefused_AndSendsNothing()
    {
        var (_, manager) = await fixture.ActiveAsync();
        var principal = await fixture.PrincipalAsync(manager);
        var emailsBefore = await fixture.App.WithDbAsync(db => db.OutgoingEmails.CountAsync());

        var bad = await fixture.People.InviteAsync(principal, "not an address");
        var self = await fixture.People.InviteAsync(principal, manager.ToUpperInvariant());

        bad.Errors.ShouldBe(["Colleague's e-mail: enter a valid e-mail address."]);
        self.Errors.ShouldBe([$"{manager} already belongs to the provider."]);
        (await fixture.App.WithDbAsync(db => db.OutgoingEmails.CountAsync())).ShouldBe(emailsBefore);
    }
}
