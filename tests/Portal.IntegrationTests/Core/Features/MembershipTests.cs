using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Email;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features;

public sealed partial class MembershipTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    private MembershipService Memberships => _app.Services.GetRequiredService<MembershipService>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    /// <summary>The owner invites <paramref name="email"/>; returns the token from the e-mail's link.</summary>
    private async Task<string> InviteAsync(string email)
    {
        var outcome = await Memberships.InviteAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea", email, token => $"http://portal.test/invitations/{token}");
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var message = await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.Kind == EmailKind.Invitation && e.To == email).OrderBy(e => e.CreatedAt).LastAsync());
        return Link().Match(message.TextBody).Groups[1].Value;
    }

    private async Task<T> InScopeAsync<T>(Func<InvitationAcceptance, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<InvitationAcceptance>());
    }

    [Fact]
    public async Task Invitation_AcceptedWithANewAccount_MakesAMember_AndWorksOnlyOnce()
    {
        var token = await InviteAsync("new.colleague@example.com");

        var first = await InScopeAsync(a => a.AcceptWithNewAccountAsync(token, "New Colleague", "Secret!2026", "en"));
        var second = await InScopeAsync(a => a.AcceptWithNewAccountAsync(token, "Someone Else", "Secret!2026", "en"));
        var lookup = await InScopeAsync(a => a.LookupAsync(token));

        first.Succeeded.ShouldBeTrue(string.Join("; ", first.Errors));
        first.Value.BrandCode.ShouldBe("demo-tea");
        second.Succeeded.ShouldBeFalse();
        lookup.State.ShouldBe(InvitationState.Used);
        var members = await Memberships.ListAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea");
        members!.Members.Select(m => m.Email).ShouldContain("new.colleague@example.com");
        members.PendingInvitations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invitation_AfterSevenDays_HasExpired()
    {
        var sent = _app.Clock.GetUtcNow();
        var token = await InviteAsync("late@example.com");
        await TestBrands.CreateWithOwnerAsync(_app, "late-brand", "late@example.com");
        var late = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "late@example.com"));

        _app.Clock.MoveTo(sent.AddDays(7).AddMinutes(1));
        var outcome = await InScopeAsync(a => a.AcceptAsync(token, late.Id));

        outcome.Errors.ShouldHaveSingleItem().ShouldBe("This invitation has expired. Ask the brand's owner for a new one.");
        (await InScopeAsync(a => a.LookupAsync(token))).State.ShouldBe(InvitationState.Expired);
    }

    [Fact]
    public async Task Invitation_JustBeforeExpiry_LinksTheSignedInAccount()
    {
        var sent = _app.Clock.GetUtcNow();
        var token = await InviteAsync("existing@example.com");
        await TestBrands.CreateWithOwnerAsync(_app, "existing-brand", "existing@example.com");
        var existing = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "existing@example.com"));
        (await InScopeAsync(a => a.LookupAsync(token))).AccountExists.ShouldBeTrue();

        _app.Clock.MoveTo(sent.AddDays(7).AddMinutes(-5));
        var outcome = await InScopeAsync(a => a.AcceptAsync(token, existing.Id));

        outcome.Succeeded.ShouldBeTrue();
        var brands = await _app.Services.GetRequiredService<BrandDirectory>().MyBrandsAsync(await _app.PrincipalAsync("existing@example.com"));
        brands.Select(b => b.Code).ShouldBe(["demo-tea", "existing-brand"]);
    }

    [Fact]
    public async Task Invitation_Withdrawn_OrReplaced_CannotBeUsed()
    {
        var firstToken = await InviteAsync("twice@example.com");
        var secondToken = await InviteAsync("twice@example.com");
        var pending = (await Memberships.ListAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea"))!.PendingInvitations.ShouldHaveSingleItem();
        await Memberships.RevokeInvitationAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea", pending.Id);

        (await InScopeAsync(a => a.LookupAsync(firstToken))).State.ShouldBe(InvitationState.Revoked);
        (await InScopeAsync(a => a.LookupAsync(secondToken))).State.ShouldBe(InvitationState.Revoked);
        (await InScopeAsync(a => a.LookupAsync("made-up-token"))).State.ShouldBe(InvitationState.Unknown);
    }

    [Fact]
    public async Task Invite_ByANonOwner_IsRefused()
    {
        await TestBrands.CreateWithOwnerAsync(_app, "other-brand", "other@example.com");

        var byOutsider = await Memberships.InviteAsync(await _app.PrincipalAsync("other@example.com"), "demo-tea", "x@example.com", t => t);
        var byStaff = await Memberships.InviteAsync(await _app.PrincipalAsync("ska@demo.test"), "demo-tea", "x@example.com", t => t);

        byOutsider.Errors.ShouldHaveSingleItem().ShouldBe("Only the brand's owner can manage its members.");
        byStaff.Succeeded.ShouldBeFalse();
        (await _app.WithDbAsync(db => db.BrandInvitations.AnyAsync())).ShouldBeFalse();
    }

    [Fact]
    public async Task RemovedMember_LosesAccessAtOnce_ButTheOwnerCannotBeRemoved()
    {
        var token = await InviteAsync("leaver@example.com");
        var joined = await InScopeAsync(a => a.AcceptWithNewAccountAsync(token, "Leaver", "Secret!2026", "en"));
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("leaver@example.com", "Secret!2026");
        (await browser.Http.GetAsync("/brands/demo-tea")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var owner = await _app.PrincipalAsync("brand@demo.test");
        var ownerId = (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "brand@demo.test"))).Id;

        var removed = await Memberships.RemoveMemberAsync(owner, "demo-tea", joined.Value.UserId);
        var removeOwner = await Memberships.RemoveMemberAsync(owner, "demo-tea", ownerId);

        removed.Succeeded.ShouldBeTrue();
        (await browser.Http.GetAsync("/brands/demo-tea")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.Http.GetAsync("/brands/demo-tea/application")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        removeOwner.Errors.ShouldHaveSingleItem().ShouldBe("The owner cannot be removed from the brand.");
    }

    [Fact]
    public async Task AcceptWithNewAccount_ANameLongerThanRegistrationAllows_IsRefusedAndMakesNoAccount()
    {
        var token = await InviteAsync("long.name@example.com");

        var accepted = await InScopeAsync(a => a.AcceptWithNewAccountAsync(token, new string('N', 101), "Secret!2026", "en"));

        accepted.Errors.ShouldHaveSingleItem().ShouldBe("Your name can be at most 100 characters long.");
        (await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "long.name@example.com"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invite_AnAddressLongerThanAnAccountsCanBe_IsRefusedAndSendsNothing()
    {
        var address = new string('a', 245) + "@example.com"; // 257 characters: an account's address holds 256

        var outcome = await Memberships.InviteAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea", address, t => t);

        outcome.Errors.ShouldBe(["E-mail of the person to invite: enter a valid e-mail address."]);
        (await _app.WithDbAsync(db => db.BrandInvitations.AnyAsync(i => i.Email == address))).ShouldBeFalse();
    }

    [Fact]
    public async Task RemoveMember_TellsTheBrandOnTheBrandAccessKind_SoTheirOpenPagesClose()
    {
        var token = await InviteAsync("open.page@example.com");
        var joined = await InScopeAsync(a => a.AcceptWithNewAccountAsync(token, "Open Page", "Secret!2026", "en"));
        var brandId = await _app.WithDbAsync(db => db.Brands.Where(b => b.Code == "demo-tea").Select(b => b.Id).SingleAsync());
        var heard = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = _app.Services.GetRequiredService<ILiveUpdates>().Listen(BrandDelegationService.LiveKind, heard.Add);

        var removed = await Memberships.RemoveMemberAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea", joined.Value.UserId);

        removed.Succeeded.ShouldBeTrue();
        heard.ShouldContain(brandId.ToString("D"));
    }

    [Fact]
    public async Task InvitationPage_ForANewAddress_CreatesTheAccountSignsInAndOpensTheBrand()
    {
        var token = await InviteAsync("via.page@example.com");
        using var browser = new BrowserClient(_app);

        var response = await browser.SubmitFormAsync($"/invitations/{token}", "invitation-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Via Page",
            ["Input.Password"] = "Secret!2026",
            ["Input.ConfirmPassword"] = "Secret!2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("brands/demo-tea");
        (await browser.Http.GetAsync("/brands/demo-tea")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.Http.GetStringAsync($"/invitations/{token}")).ShouldContain("This invitation has already been used.");
    }

    [GeneratedRegex(@"/invitations/(\S+)")]
    private static partial Regex Link();
}
