using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>An invitation joins the invited address's account only, not whoever holds the link.</summary>
public sealed partial class InvitationAccountTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<string> InviteAsync(string email)
    {
        var memberships = _app.Services.GetRequiredService<MembershipService>();
        var outcome = await memberships.InviteAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea", email, token => $"https://portal.test/invitations/{token}");
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var message = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.Kind == EmailKind.Invitation && e.To == email));
        return Link().Match(message.TextBody).Groups[1].Value;
    }

    private Task<bool> IsMemberAsync(string email) =>
        _app.WithDbAsync(db => db.BrandMembers.AnyAsync(m =>
            db.Brands.Any(b => b.Id == m.BrandId && b.Code == "demo-tea") && db.Users.Any(u => u.Id == m.UserId && u.Email == email)));

    [Fact]
    public async Task Accept_ByAnotherAccount_IsRefusedAndChangesNothing()
    {
        var token = await InviteAsync("invited@example.com");
        await TestBrands.CreateWithOwnerAsync(_app, "holder-brand", "holder@example.com");
        var holder = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "holder@example.com"));

        await using var scope = _app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, holder.Id);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldHaveSingleItem().ShouldBe("This invitation was sent to invited@example.com. Sign out, then sign in with that address to accept it.");
        (await IsMemberAsync("holder@example.com")).ShouldBeFalse();
        (await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>().LookupAsync(token)).State.ShouldBe(InvitationState.Valid);
    }

    [Fact]
    public async Task Accept_ByTheInvitedAccount_WithDifferentCase_Joins()
    {
        await TestBrands.CreateWithOwnerAsync(_app, "invited-brand", "Invited.Person@example.com");
        var token = await InviteAsync("invited.person@example.com");
        var invited = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "Invited.Person@example.com"));

        await using var scope = _app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, invited.Id);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        (await IsMemberAsync("Invited.Person@example.com")).ShouldBeTrue();
    }

    [Fact]
    public async Task InvitationPage_SignedInAsAnotherAccount_SaysSoInTheirLanguage_AndAcceptingChangesNothing()
    {
        var token = await InviteAsync("invited@example.com");
        await TestBrands.CreateWithOwnerAsync(_app, "holder-brand", "holder@example.com");
        using var browser = new BrowserClient(_app);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        await browser.SignInAsync("holder@example.com", TestBrands.Password);

        var html = await browser.Http.GetStringAsync($"/invitations/{token}");
        var post = await browser.SubmitFormAsync($"/invitations/{token}", "accept-invitation", new Dictionary<string, string>());

        html.ShouldContain("该邀请发给的是 invited@example.com，而您当前登录的是 holder@example.com。");
        html.ShouldNotContain("name=\"_handler\" value=\"accept-invitation\"");
        post.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await IsMemberAsync("holder@example.com")).ShouldBeFalse();
        (await _app.WithDbAsync(db => db.BrandInvitations.SingleAsync())).AcceptedAt.ShouldBeNull();
    }

    [GeneratedRegex(@"/invitations/(\S+)")]
    private static partial Regex Link();
}
