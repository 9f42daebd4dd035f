using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

public sealed class AccountTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task SignIn_WithRightPassword_RedirectsAndSetsTheCookie()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.SignInAsync("brand@demo.test");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("portal.auth="));
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsTheErrorAndStaysOnThePage()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.SignInAsync("brand@demo.test", "wrong-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The e-mail or password is wrong");
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedOutEvenWithTheRightOne()
    {
        using var browser = new BrowserClient(_app);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await browser.SignInAsync("ska@demo.test", "wrong-password");
            failed.StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} should only fail");
        }

        var fifth = await browser.SignInAsync("ska@demo.test", "wrong-password");
        var right = await browser.SignInAsync("ska@demo.test");

        // Locked out, the form answers as for a wrong password: a lockout would tell that the account exists.
        fifth.StatusCode.ShouldBe(HttpStatusCode.OK);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).ShouldContain("The e-mail or password is wrong, or the account is locked");
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "ska@demo.test"));
        user.LockoutEnd.ShouldNotBeNull();
    }

    [Fact]
    public async Task Register_NewBrandManager_AnswersCheckYourMailAndSendsALocalizedWelcomeEmail()
    {
        using var browser = new BrowserClient(_app);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await browser.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "王芳",
            ["Input.Email"] = "wang.fang@example.com",
            ["Input.Password"] = "Secret!2026",
            ["Input.ConfirmPassword"] = "Secret!2026",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("Account/RegisterConfirmation");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("portal.auth="), "a known address gets the same answer, so nobody is signed in here");
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "wang.fang@example.com"));
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            (await users.IsInRoleAsync(user, PortalRoles.BrandManager)).ShouldBeTrue();
        }

        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "wang.fang@example.com"));
        email.Kind.ShouldBe(EmailKind.Welcome);
        email.Subject.ShouldBe("欢迎加入 STEPS 品牌入驻平台");
        var sent = await _app.WaitForSentAsync(email.Id);
        sent.Status.ShouldBe(EmailStatus.Sent, $"after {sent.Attempts} attempt(s); last error: {sent.LastError ?? "none"}");
        var file = Path.Combine(_app.MailFolder, $"{email.Id:N}@portal.eml");
        File.Exists(file).ShouldBeTrue();
        (await File.ReadAllTextAsync(file)).ShouldContain("wang.fang@example.com");
    }

    [Fact]
    public async Task Register_WithMismatchedPasswords_SaysSoAndCreatesNothing()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Li Lei",
            ["Input.Email"] = "li.lei@example.com",
            ["Input.Password"] = "Secret!2026",
            ["Input.ConfirmPassword"] = "Secret!2027",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The two passwords do not match.");
        (await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "li.lei@example.com"))).ShouldBeFalse();
        (await _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.To == "li.lei@example.com"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Register_WithWeakPassword_ShowsIdentityRulesInChineseAndCreatesNothing()
    {
        using var browser = new BrowserClient(_app);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await browser.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Li Lei",
            ["Input.Email"] = "li.lei@example.com",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("密码至少需要 8 个字符。");
        (await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "li.lei@example.com"))).ShouldBeFalse();
        (await _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.To == "li.lei@example.com"))).ShouldBeFalse();
    }

    [Fact]
    public async Task ForgotPassword_ForAnAccount_QueuesAResetLinkThatWorks()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "admin@demo.test" });

        response.Headers.Location?.OriginalString.ShouldEndWith("Account/ForgotPasswordConfirmation");
        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "admin@demo.test" && e.Kind == EmailKind.PasswordReset));
        var link = System.Text.RegularExpressions.Regex.Match(email.TextBody, @"http\S+ResetPassword\S+").Value;
        link.ShouldNotBeEmpty();

        var reset = await browser.SubmitFormAsync(new Uri(link).PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Code"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["code"]!,
            ["Input.Email"] = "admin@demo.test",
            ["Input.Password"] = "Changed!2026",
            ["Input.ConfirmPassword"] = "Changed!2026",
        });

        reset.Headers.Location?.OriginalString.ShouldEndWith("Account/ResetPasswordConfirmation");
        (await browser.SignInAsync("admin@demo.test", "Changed!2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ForgotPassword_ForUnknownAddress_LooksTheSameAndSendsNothing()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });

        response.Headers.Location?.OriginalString.ShouldEndWith("Account/ForgotPasswordConfirmation");
        (await _app.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.To == "nobody@example.com"))).ShouldBeFalse();
    }
}
