using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Administration;

public sealed partial class UserAdministrationTests : IAsyncLifetime
{
    private const string Admin = "admin@demo.test";
    private const string Operator = "ska@demo.test";
    private readonly PortalAppFactory _app = new();

    private UserAdministration Users => _app.Services.GetRequiredService<UserAdministration>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Disable_ByAdmin_LocksTheAccountChangesItsStampAndIsAuditedWithOldAndNew()
    {
        var admin = await _app.PrincipalAsync(Admin);
        var before = await UserAsync(Operator);

        var outcome = await Users.DisableAsync(admin, before.Id);

        outcome.Succeeded.ShouldBeTrue();
        var after = await UserAsync(Operator);
        UserState.IsDisabled(after).ShouldBeTrue();
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        var entry = (await AuditAsync(e => e.Operation == AdminOperations.Disable)).ShouldHaveSingleItem();
        entry.EntityType.ShouldBe(nameof(PortalUser));
        entry.EntityKey.ShouldBe(before.Id.ToString());
        entry.Action.ShouldBe(AuditAction.Modified);
        entry.ActorUserId.ShouldBe((await UserAsync(Admin)).Id);
        entry.ActorName.ShouldBe("Portal Admin");
        entry.ActorEmail.ShouldBe(Admin);
        var changes = Changes(entry);
        changes["LockoutEnd"].GetProperty("old").ValueKind.ShouldBe(JsonValueKind.Null);
        changes["LockoutEnd"].GetProperty("new").GetString().ShouldStartWith("9999-01-01");
        changes["SecurityStamp"].GetProperty("new").GetString().ShouldBe(AuditChanges.Redacted);
        entry.Changes.ShouldNotContain(after.SecurityStamp!);
        entry.Changes.ShouldNotContain("PasswordHash");
    }

    [Fact]
    public async Task Disable_Themself_IsRefusedAndChangesNothing()
    {
        var admin = await _app.PrincipalAsync(Admin);
        var me = await UserAsync(Admin);

        var outcome = await Users.DisableAsync(admin, me.Id);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldContain("You cannot disable your own account.");
        UserState.IsDisabled(await UserAsync(Admin)).ShouldBeFalse();
        (await AuditAsync(e => e.ActorUserId != null)).ShouldBeEmpty(); // seeding's reference data is the system's
    }

    [Fact]
    public async Task Disable_ThenSignIn_IsRefused_AndEnableLetsThePersonInAgainAudited()
    {
        var admin = await _app.PrincipalAsync(Admin);
        var target = await UserAsync(Operator);
        (await Users.DisableAsync(admin, target.Id)).Succeeded.ShouldBeTrue();

        using (var browser = new BrowserClient(_app))
        {
            var refused = await browser.SignInAsync(Operator);
            refused.StatusCode.ShouldBe(HttpStatusCode.OK, "refused like a wrong password, without a sign-in cookie");
            (refused.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("portal.auth="));
        }

        (await Users.EnableAsync(admin, target.Id)).Succeeded.ShouldBeTrue();

        using (var browser = new BrowserClient(_app))
        {
            var signedIn = await browser.SignInAsync(Operator);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            signedIn.Headers.Location?.OriginalString.ShouldNotContain("Lockout");
        }

        var enabled = (await AuditAsync(e => e.Operation == AdminOperations.Enable)).ShouldHaveSingleItem();
        Changes(enabled)["LockoutEnd"].GetProperty("new").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Everything_AskedByANonAdmin_IsRefusedAndChangesNothing()
    {
        var target = await UserAsync("brand@demo.test");
        foreach (var email in new[] { Operator, "brand@demo.test" })
        {
            var notAdmin = await _app.PrincipalAsync(email);

            (await Users.ListAsync(notAdmin, new UserQuery())).Succeeded.ShouldBeFalse();
            (await Users.DisableAsync(notAdmin, target.Id)).Succeeded.ShouldBeFalse();
            (await Users.EnableAsync(notAdmin, target.Id)).Succeeded.ShouldBeFalse();
            (await Users.SetRolesAsync(notAdmin, target.Id, [PortalRoles.Admin])).Succeeded.ShouldBeFalse();
            (await Users.InviteStaffAsync(notAdmin, "x@demo.test", "X", PortalRoles.Admin, (t, e) => t, "en")).Succeeded.ShouldBeFalse();
        }

        UserState.IsDisabled(await UserAsync("brand@demo.test")).ShouldBeFalse();
        (await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "x@demo.test"))).ShouldBeFalse();
        (await AuditAsync(e => e.ActorUserId != null)).ShouldBeEmpty(); // seeding's reference data is the system's
    }

    [Fact]
    public async Task Refused_ForAnAdminPrincipalWhoseAccountWasDemotedMeanwhile()
    {
        var staleAdmin = await _app.PrincipalAsync(Admin);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByEmailAsync(Admin))!, PortalRoles.Admin)).Succeeded.ShouldBeTrue();
        }

        var outcome = await Users.DisableAsync(staleAdmin, (await UserAsync(Operator)).Id);

        outcome.Succeeded.ShouldBeFalse();
        UserState.IsDisabled(await UserAsync(Operator)).ShouldBeFalse();
    }

    [Fact]
    public async Task List_SearchesByEmailOrNameAndPages()
    {
        var admin = await _app.PrincipalAsync(Admin);

        var byName = await Users.ListAsync(admin, new UserQuery(Search: "zhao min"));
        var staffPage = await Users.ListAsync(admin, new UserQuery(Role: PortalRoles.SkaOperator));
        var firstOfTwo = await Users.ListAsync(admin, new UserQuery(PageSize: 2));
        var secondOfTwo = await Users.ListAsync(admin, new UserQuery(Page: 1, PageSize: 2));

        byName.Value!.Items.ShouldHaveSingleItem().Email.ShouldBe(Operator);
        staffPage.Value!.Items.Select(u => u.Email).ShouldBe([Operator]);
        firstOfTwo.Value!.TotalCount.ShouldBe(6, "three brand-side demo accounts and the demo providers' three people");
        firstOfTwo.Value.Items.Count.ShouldBe(2);
        secondOfTwo.Value!.Items.Count.ShouldBe(2);
        secondOfTwo.Value.Items.Select(u => u.Email).ShouldNotContain(email => firstOfTwo.Value.Items.Any(f => f.Email == email));
    }

    [Fact]
    public async Task Invite_CreatesStaffWithoutPasswordQueuesTheEmailAndTheLinkSetsThePasswordOnce()
    {
        var admin = await _app.PrincipalAsync(Admin);

        var outcome = await Users.InviteStaffAsync(admin, "new.op@demo.test", "New Operator", PortalRoles.SkaOperator,
            (token, email) => $"http://localhost/Account/ResetPassword?code={Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}&email={Uri.EscapeDataString(email)}",
            "en");

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var user = await UserAsync("new.op@demo.test");
        user.PasswordHash.ShouldBeNull();
        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "new.op@demo.test"));
        email.Kind.ShouldBe(EmailKind.StaffInvitation);
        email.TextBody.ShouldContain("Portal Admin");
        email.TextBody.ShouldContain("SKA operator");
        var link = Link().Match(email.TextBody).Value;
        link.ShouldNotBeNullOrEmpty();

        // The invitation's audit: the account and its role, as one named operation by the admin.
        var entries = await AuditAsync(e => e.Operation == AdminOperations.InviteStaff);
        entries.ShouldContain(e => e.EntityType == nameof(PortalUser) && e.Action == AuditAction.Added && e.EntityKey == user.Id.ToString());
        var role = entries.Single(e => e.EntityType == "UserRole");
        Changes(role)["Role"].GetProperty("new").GetString().ShouldBe(PortalRoles.SkaOperator);

        using var browser = new BrowserClient(_app);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link).Query);
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = query["code"]!,
            ["Input.Email"] = "new.op@demo.test",
            ["Input.Password"] = "Staff!2026x",
            ["Input.ConfirmPassword"] = "Staff!2026x",
        };
        var set = await browser.SubmitFormAsync(new Uri(link).PathAndQuery, "reset-password", fields);
        set.Headers.Location?.OriginalString.ShouldEndWith("Account/ResetPasswordConfirmation");
        (await browser.SignInAsync("new.op@demo.test", "Staff!2026x")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        fields["Input.Password"] = fields["Input.ConfirmPassword"] = "Another!2026y";
        var again = await browser.SubmitFormAsync(new Uri(link).PathAndQuery, "reset-password", fields);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "a used link is refused on the page");
    }

    [Fact]
    public async Task Invite_ForAnAddressWithAnAccount_IsRefused()
    {
        var admin = await _app.PrincipalAsync(Admin);

        var outcome = await Users.InviteStaffAsync(admin, "brand@demo.test", "Someone", PortalRoles.Admin, (t, e) => t, "en");

        outcome.Succeeded.ShouldBeFalse();
        (await _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.Kind == EmailKind.StaffInvitation))).ShouldBeFalse();
    }

    [Fact]
    public async Task SetRoles_GivesExactlyTheRolesAuditsEachAndChangesTheStamp()
    {
        var admin = await _app.PrincipalAsync(Admin);
        var before = await UserAsync(Operator);

        var outcome = await Users.SetRolesAsync(admin, before.Id, [PortalRoles.Admin]);

        outcome.Succeeded.ShouldBeTrue();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            (await users.GetRolesAsync((await users.FindByEmailAsync(Operator))!)).ShouldBe([PortalRoles.Admin]);
        }

        (await UserAsync(Operator)).SecurityStamp.ShouldNotBe(before.SecurityStamp);
        var entries = await AuditAsync(e => e.Operation == AdminOperations.ChangeRoles && e.EntityType == "UserRole");
        Changes(entries.Single(e => e.Action == AuditAction.Deleted))["Role"].GetProperty("old").GetString().ShouldBe(PortalRoles.SkaOperator);
        Changes(entries.Single(e => e.Action == AuditAction.Added))["Role"].GetProperty("new").GetString().ShouldBe(PortalRoles.Admin);
    }

    [Fact]
    public async Task SetRoles_TakingAdminFromThemself_IsRefused()
    {
        var admin = await _app.PrincipalAsync(Admin);

        var outcome = await Users.SetRolesAsync(admin, (await UserAsync(Admin)).Id, [PortalRoles.SkaOperator]);

        outcome.Succeeded.ShouldBeFalse();
        (await _app.PrincipalAsync(Admin)).IsInRole(PortalRoles.Admin).ShouldBeTrue();
    }

    private Task<PortalUser> UserAsync(string email) =>
        _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private Task<List<AuditEntry>> AuditAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where) =>
        _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(where).ToListAsync());

    internal static Dictionary<string, JsonElement> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Changes)!;

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex Link();
}
