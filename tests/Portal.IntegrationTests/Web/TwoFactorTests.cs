using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Accounts.TwoFactor;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>Two-factor sign-in with an authenticator app, through the static account pages as a browser uses them.</summary>
public sealed class TwoFactorTests : IAsyncLifetime
{
    private const string Brand = "brand@demo.test";
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task SetUpPage_ShowsTheKeyAndAQrCodeDrawnOnTheServer()
    {
        using var browser = await SignedInAsync(Brand);

        var page = await browser.Http.GetStringAsync("/Account/Manage/EnableAuthenticator");

        var key = await AuthenticatorApp.SharedKeyAsync(browser);
        var stored = await _app.WithDbAsync(db => db.UserTokens.SingleAsync(t => t.Name == "AuthenticatorKey" && t.Value != null));
        key.ShouldBe(stored.Value);
        page.ShouldContain("data-testid=\"authenticator-qr\"");
        page.ShouldContain("src=\"data:image/png;base64,");
        page.ShouldNotContain("<script>");
    }

    [Fact]
    public async Task AppBar_ForASignedInPerson_HasTheAccountMenuAndTheTwoFactorPageOpens()
    {
        using var browser = await SignedInAsync(Brand);

        var home = await browser.Http.GetStringAsync("/brand");
        var security = await browser.Http.GetAsync("/Account/Manage/TwoFactorAuthentication");

        // The link itself is an item of the account menu, which opens in the browser (AccountMenu; PhoneJourneys).
        home.ShouldContain("data-testid=\"account-menu\"");
        security.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await security.Content.ReadAsStringAsync()).ShouldContain("data-enabled=\"false\"");
    }

    [Fact]
    public async Task TwoFactorPage_WhenSignedOut_SendsToSignIn()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.Http.GetAsync("/Account/Manage/TwoFactorAuthentication");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("Account/Login");
    }

    [Fact]
    public void AuthenticatorUri_NamesTheIssuerAndTheAccount()
    {
        var uri = TwoFactorService.AuthenticatorUri("brand@demo.test", "ABCDEFGH");

        uri.ShouldBe("otpauth://totp/STEPS%20Brand%20Portal:brand%40demo.test?secret=ABCDEFGH&issuer=STEPS%20Brand%20Portal&digits=6");
    }

    [Fact]
    public async Task Enable_WithTheRightCode_TurnsItOnShowsTenRecoveryCodesAndIsAudited()
    {
        using var browser = await SignedInAsync(Brand);

        var (_, codes) = await AuthenticatorApp.EnableAsync(_app, browser);

        codes.Distinct().Count().ShouldBe(10);
        (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Brand))).TwoFactorEnabled.ShouldBeTrue();
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Operation == TwoFactorService.Operations.Enable));
        audit.ActorEmail.ShouldBe(Brand);
        audit.Changes.ShouldContain("TwoFactorEnabled");
        audit.Changes.ShouldNotContain(codes[0]);
        var security = await browser.Http.GetStringAsync("/Account/Manage/TwoFactorAuthentication");
        security.ShouldContain("data-enabled=\"true\"");
        security.ShouldContain("Recovery codes left: 10.");
    }

    [Fact]
    public async Task Enable_WithAWrongCode_IsRefusedWithAMessageAndStaysOff()
    {
        using var browser = await SignedInAsync(Brand);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var key = await AuthenticatorApp.SharedKeyAsync(browser);

        var response = await browser.SubmitFormAsync("/Account/Manage/EnableAuthenticator", "enable-authenticator", new Dictionary<string, string>
        {
            ["Input.Code"] = AuthenticatorApp.WrongCode(_app, key),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("验证码无效。请输入验证器应用当前显示的验证码。");
        (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Brand))).TwoFactorEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_WithTwoFactorOn_AsksForTheCodeAndTheRightCodeSignsIn()
    {
        var key = await EnabledAsync(Brand);
        using var browser = new BrowserClient(_app);

        var password = await browser.SignInAsync(Brand);

        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        password.Headers.Location!.OriginalString.ShouldContain("Account/LoginWith2fa");
        HasSignInCookie(password).ShouldBeFalse();
        (await browser.Http.GetAsync("/notifications")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "not signed in before the code");

        var code = await SubmitCodeAsync(browser, AuthenticatorApp.CodeNow(_app, key));

        code.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        HasSignInCookie(code).ShouldBeTrue();
        (await browser.Http.GetAsync("/notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WithAWrongCode_IsRefused()
    {
        var key = await EnabledAsync(Brand);
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(Brand);

        var response = await SubmitCodeAsync(browser, AuthenticatorApp.WrongCode(_app, key));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The code is not valid.");
        HasSignInCookie(response).ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_WithACodeAlreadyUsed_IsRefused()
    {
        var key = await EnabledAsync(Brand);
        var code = AuthenticatorApp.CodeNow(_app, key);
        using (var first = new BrowserClient(_app))
        {
            await first.SignInAsync(Brand);
            (await SubmitCodeAsync(first, code)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var second = new BrowserClient(_app);
        await second.SignInAsync(Brand);
        var replayed = await SubmitCodeAsync(second, code);

        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        HasSignInCookie(replayed).ShouldBeFalse();
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnceAndNotTwice()
    {
        using var setUp = await SignedInAsync(Brand);
        var (_, codes) = await AuthenticatorApp.EnableAsync(_app, setUp);

        using var first = new BrowserClient(_app);
        await first.SignInAsync(Brand);
        var used = await SubmitRecoveryCodeAsync(first, codes[3]);
        using var second = new BrowserClient(_app);
        await second.SignInAsync(Brand);
        var again = await SubmitRecoveryCodeAsync(second, codes[3]);

        used.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        HasSignInCookie(used).ShouldBeTrue();
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("The recovery code is not valid or has already been used.");
        HasSignInCookie(again).ShouldBeFalse();
        (await first.Http.GetStringAsync("/Account/Manage/TwoFactorAuthentication")).ShouldContain("Recovery codes left: 9.");
    }

    [Fact]
    public async Task SignIn_ReturnsToALocalReturnUrlOnly()
    {
        var key = await EnabledAsync(Brand);
        using var local = new BrowserClient(_app);
        await local.SubmitFormAsync("/Account/Login?returnUrl=%2Fnotifications", "login", Credentials(Brand));
        using var foreign = new BrowserClient(_app);
        await foreign.SubmitFormAsync("/Account/Login?returnUrl=https%3A%2F%2Fevil.example%2F", "login", Credentials(Brand));

        var toLocal = await SubmitCodeAsync(local, AuthenticatorApp.CodeNow(_app, key), "returnUrl=%2Fnotifications");
        AuthenticatorApp.NextCode(_app);
        var toForeign = await SubmitCodeAsync(foreign, AuthenticatorApp.CodeNow(_app, key), "returnUrl=https%3A%2F%2Fevil.example%2F");

        toLocal.Headers.Location!.OriginalString.ShouldEndWith("/notifications");
        toForeign.Headers.Location!.OriginalString.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task Disable_TurnsItOffAndIsAudited()
    {
        using var browser = await SignedInAsync(Brand);
        await AuthenticatorApp.EnableAsync(_app, browser);

        var response = await browser.SubmitFormAsync("/Account/Manage/Disable2fa", "disable-2fa", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Brand))).TwoFactorEnabled.ShouldBeFalse();
        (await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Operation == TwoFactorService.Operations.Disable))).ShouldBe(1);
        using var later = new BrowserClient(_app);
        (await later.SignInAsync(Brand)).Headers.Location!.OriginalString.ShouldNotContain("LoginWith2fa");
    }

    [Fact]
    public async Task NewRecoveryCodes_ReplaceTheOldOnes()
    {
        using var browser = await SignedInAsync(Brand);
        var (_, old) = await AuthenticatorApp.EnableAsync(_app, browser);

        var response = await browser.SubmitFormAsync("/Account/Manage/GenerateRecoveryCodes", "new-recovery-codes", new Dictionary<string, string>());
        var fresh = AuthenticatorApp.RecoveryCodes(await response.Content.ReadAsStringAsync());

        fresh.Count.ShouldBe(10);
        fresh.ShouldNotContain(old[0]);
        using var signIn = new BrowserClient(_app);
        await signIn.SignInAsync(Brand);
        (await SubmitRecoveryCodeAsync(signIn, old[0])).StatusCode.ShouldBe(HttpStatusCode.OK, "an old code no longer works");
        (await SubmitRecoveryCodeAsync(signIn, fresh[0])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ResetAuthenticator_TurnsItOffAndMakesANewKey()
    {
        using var browser = await SignedInAsync(Brand);
        var (key, _) = await AuthenticatorApp.EnableAsync(_app, browser);

        var response = await browser.SubmitFormAsync("/Account/Manage/ResetAuthenticator", "reset-authenticator", new Dictionary<string, string>());

        response.Headers.Location!.OriginalString.ShouldContain("Account/Manage/EnableAuthenticator");
        (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Brand))).TwoFactorEnabled.ShouldBeFalse();
        (await AuthenticatorApp.SharedKeyAsync(browser)).ShouldNotBe(key);
    }

    private async Task<BrowserClient> SignedInAsync(string email)
    {
        var browser = new BrowserClient(_app);
        (await browser.SignInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    /// <summary>Turns two-factor sign-in on for <paramref name="email"/> and moves to the next code (the set-up used this one).</summary>
    private async Task<string> EnabledAsync(string email)
    {
        using var browser = await SignedInAsync(email);
        var (key, _) = await AuthenticatorApp.EnableAsync(_app, browser);
        AuthenticatorApp.NextCode(_app);
        return key;
    }

    private static Task<HttpResponseMessage> SubmitCodeAsync(BrowserClient browser, string code, string query = "") =>
        browser.SubmitFormAsync("/Account/LoginWith2fa" + (query.Length > 0 ? "?" + query : ""), "login-2fa", new Dictionary<string, string> { ["Input.Code"] = code });

    private static Task<HttpResponseMessage> SubmitRecoveryCodeAsync(BrowserClient browser, string code) =>
        browser.SubmitFormAsync("/Account/LoginWithRecoveryCode", "login-recovery-code", new Dictionary<string, string> { ["Input.Code"] = code });

    private static Dictionary<string, string> Credentials(string email) => new() { ["Input.Email"] = email, ["Input.Password"] = "Portal!2026" };

    private static bool HasSignInCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.auth=", StringComparison.Ordinal) && !c.StartsWith("portal.auth=;", StringComparison.Ordinal));
}
