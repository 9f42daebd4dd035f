using System.Net;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Email;
using Portal.Core.Features.Links;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.Web.Components;
using Portal.Web.Components.Pages.Members;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>Every link in an e-mail starts with Portal:PublicBaseUrl, whatever Host header the request carried.</summary>
public sealed class PublicLinkTests : IAsyncLifetime
{
    private const string PublicBase = "https://portal.example.com";

    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = PublicBase });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    /// <summary>A browser that reaches the app under the attacker's host name (the Host header it sends).</summary>
    private BrowserClient HostileBrowser()
    {
        var browser = new BrowserClient(_app);
        browser.Http.BaseAddress = new Uri("http://attacker.example/");
        return browser;
    }

    [Fact]
    public async Task ForgotPassword_WithAHostileHostHeader_MailsALinkOnThePublicBaseUrl()
    {
        using var browser = HostileBrowser();

        var response = await browser.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "admin@demo.test" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "admin@demo.test" && e.Kind == EmailKind.PasswordReset));
        email.TextBody.ShouldContain($"{PublicBase}/Account/ResetPassword?code=");
        email.TextBody.ShouldNotContain("attacker.example");
    }

    [Fact]
    public async Task Register_WithAHostileHostHeader_WelcomesWithALinkOnThePublicBaseUrl()
    {
        using var browser = HostileBrowser();

        await browser.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Hostile Host",
            ["Input.Email"] = "hostile.host@example.com",
            ["Input.Password"] = "Secret!2026",
            ["Input.ConfirmPassword"] = "Secret!2026",
        });

        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "hostile.host@example.com"));
        email.TextBody.ShouldContain($"{PublicBase}/Account/");
        email.TextBody.ShouldNotContain("attacker.example");
    }

    [Fact]
    public void Links_InDevelopmentWithoutTheSetting_UseTheLaunchProfilesAddress()
    {
        using var app = new PortalAppFactory();

        var links = app.Services.GetRequiredService<PublicLinks>();

        links.Invitation("abc").ShouldBe("http://localhost:5080/invitations/abc");
        links.PasswordReset("t", "a@b.test").ShouldStartWith("http://localhost:5080/Account/ResetPassword?code=");
    }
}

/// <summary>A real app whose public address differs from bUnit's <c>http://localhost/</c>.</summary>
public sealed class PublicBaseAppFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Portal:PublicBaseUrl"] = "https://portal.example.com/",
        ["Jobs:RunServer"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>The members page (interactive, under whatever address the browser used) mails the invitation on the public base URL.</summary>
public sealed class InvitationLinkTests : PortalTestContext, IClassFixture<PublicBaseAppFixture>
{
    private readonly PortalAppFactory _app;

    public InvitationLinkTests(PublicBaseAppFixture fixture)
    {
        _app = fixture.App;
        Services.AddSingleton(_app.Services.GetRequiredService<BrandDirectory>());
        Services.AddSingleton(_app.Services.GetRequiredService<MembershipService>());
        Services.AddSingleton(_app.Services.GetRequiredService<PublicLinks>());
        Services.AddSingleton(_app.Services.GetRequiredService<Portal.Core.Features.Live.ILiveUpdates>());
    }

    [Fact]
    public async Task Invite_FromTheMembersPage_MailsALinkOnThePublicBaseUrl()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("brand@demo.test");
        auth.SetClaims((await _app.PrincipalAsync("brand@demo.test")).Claims.ToArray());
        var page = Render<MembersPage>(p => p.Add(x => x.Code, "demo-tea"));
        page.WaitForAssertion(() => page.Find("input[type='email']"));

        // Find and fire in one renderer turn: a live update may re-render the page between the two.
        await page.InvokeAsync(() => page.Find("input[type='email']").Change("colleague@example.com"));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Contains("Send invitation")).Click());
        // The pending invitation's row, not the markup: the field still shows the address before the invitation is saved.
        page.WaitForAssertion(() => page.FindAll("td").Select(td => td.TextContent.Trim()).ShouldContain("colleague@example.com"));

        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "colleague@example.com" && e.Kind == EmailKind.Invitation));
        email.TextBody.ShouldContain("https://portal.example.com/invitations/");
        email.TextBody.ShouldNotContain("http://localhost/");
    }
}
