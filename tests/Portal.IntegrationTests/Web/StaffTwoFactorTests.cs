using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Auth;

namespace Portal.IntegrationTests.Web;

/// <summary>Auth:RequireTwoFactorForStaff: staff without two-factor sign-in reach nothing but its set-up.</summary>
public sealed class StaffTwoFactorTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Auth:RequireTwoFactorForStaff"] = "true" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [InlineData("ska@demo.test")]
    [InlineData("admin@demo.test")]
    public async Task Staff_WithoutTwoFactor_WhenRequired_AreSentToTheSetUpPageFirst(string email)
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(email);

        var page = await browser.Http.GetAsync("/ops/portfolio?view=stalled");
        var jobs = await browser.Http.GetAsync("/jobs");
        var setUp = await browser.Http.GetStringAsync(page.Headers.Location!.OriginalString);

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldBe("/Account/Manage/EnableAuthenticator?returnUrl=%2Fops%2Fportfolio%3Fview%3Dstalled");
        jobs.Headers.Location!.OriginalString.ShouldStartWith("/Account/Manage/EnableAuthenticator");
        setUp.ShouldContain("data-testid=\"two-factor-required\"");
        setUp.ShouldContain("data-testid=\"authenticator-key\"");
    }

    [Fact]
    public async Task Staff_WithoutTwoFactor_WhenRequired_GetA403FromThePeoplesApi()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("ska@demo.test");

        var response = await browser.Http.GetAsync("/api/brands/demo-tea/comments");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Staff_AfterSettingItUp_ReachThePagesAndTheReturnUrl()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("ska@demo.test");

        var setUpPage = "/Account/Manage/EnableAuthenticator?returnUrl=%2Fops";
        var key = await AuthenticatorApp.SharedKeyAsync(browser);
        var enabled = await browser.SubmitFormAsync(setUpPage, "enable-authenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = AuthenticatorApp.CodeNow(_app, key),
        });

        (await enabled.Content.ReadAsStringAsync()).ShouldContain("href=\"/ops\"");
        (await browser.Http.GetAsync("/ops")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var disable = await browser.Http.GetStringAsync("/Account/Manage/Disable2fa");
        disable.ShouldContain("Staff accounts must keep two-factor sign-in on.");
        disable.ShouldNotContain("name=\"_handler\" value=\"disable-2fa\"");
    }

    [Fact]
    public async Task Staff_WhoSignedInWithTheCode_AreNotSentToTheSetUpPage()
    {
        using (var setUp = new BrowserClient(_app))
        {
            await setUp.SignInAsync("admin@demo.test");
            await AuthenticatorApp.EnableAsync(_app, setUp);
        }

        AuthenticatorApp.NextCode(_app);
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("admin@demo.test");
        var key = await _app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.UserTokens, t => t.Name == "AuthenticatorKey"));
        await browser.SubmitFormAsync("/Account/LoginWith2fa", "login-2fa", new Dictionary<string, string> { ["Input.Code"] = AuthenticatorApp.CodeNow(_app, key.Value!) });

        (await browser.Http.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BrandManager_WithoutTwoFactor_WhenRequired_IsNotSentToTheSetUpPage()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await browser.Http.GetAsync("/brands/demo-tea/journey");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TokenEndpoint_WhenRequired_StillIssuesTokensToClients()
    {
        var response = await TokenEndpointTests.RequestTokenAsync(_app.CreateClient(), "demo-feed-secret");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>The setting's defaults and its check at start.</summary>
public sealed class StaffTwoFactorSettingTests
{
    [Fact]
    public async Task Staff_WithoutTwoFactor_InDevelopmentByDefault_ReachThePages()
    {
        await using var app = new PortalAppFactory();
        using var browser = new BrowserClient(app);
        await browser.SignInAsync("ska@demo.test");

        var response = await browser.Http.GetAsync("/ops");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Services.GetRequiredService<StaffTwoFactorRequirement>().Required.ShouldBeFalse();
    }

    [Fact]
    public async Task Production_WithoutTheSetting_RequiresTwoFactorForStaff()
    {
        using var directory = new TempDirectory();
        await using var app = new PortalAppFactory(directory, "Production", PortalAppFactory.ProductionSettings(directory));

        app.Services.GetRequiredService<StaffTwoFactorRequirement>().Required.ShouldBeTrue();
    }

    [Fact]
    public async Task Start_WithARequirementThatIsNotTrueOrFalse_RefusesAndNamesTheSetting()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Auth:RequireTwoFactorForStaff"] = "sometimes" });

        var error = Should.Throw<Exception>(() => app.CreateClient());

        error.Message.ShouldContain("Auth:RequireTwoFactorForStaff");
    }
}
