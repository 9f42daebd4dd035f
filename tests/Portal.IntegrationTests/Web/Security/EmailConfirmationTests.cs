using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>With Auth:RequireConfirmedEmail, a self-registered person signs in only after opening the mailed link.</summary>
public sealed partial class EmailConfirmationTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Auth:RequireConfirmedEmail"] = "true",
        ["Portal:PublicBaseUrl"] = "https://portal.example.com",
        ["Jobs:RunServer"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static Task<HttpResponseMessage> RegisterAsync(BrowserClient browser, string email) =>
        browser.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zhao Min",
            ["Input.Email"] = email,
            ["Input.Password"] = "Secret!2026",
            ["Input.ConfirmPassword"] = "Secret!2026",
        });

    [Fact]
    public async Task Register_WhenConfirmationIsRequired_MailsTheLink_AndSignsInOnlyAfterItIsOpened()
    {
        using var browser = new BrowserClient(_app);

        var registered = await RegisterAsync(browser, "zhao.min@example.com");

        registered.Headers.Location!.OriginalString.ShouldEndWith("Account/RegisterConfirmation");
        var cookies = registered.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        cookies.ShouldNotContain(c => c.StartsWith("portal.auth="), "not signed in before the address is confirmed");
        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "zhao.min@example.com"));
        email.Kind.ShouldBe(EmailKind.EmailConfirmation);
        var link = ConfirmLink().Match(email.TextBody).Value;
        link.ShouldStartWith("https://portal.example.com/Account/ConfirmEmail?userId=");

        var early = await browser.SignInAsync("zhao.min@example.com", "Secret!2026");
        early.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await early.Content.ReadAsStringAsync()).ShouldContain("Confirm your e-mail address first");

        (await browser.Http.GetStringAsync(new Uri(link).PathAndQuery)).ShouldContain("your e-mail address is confirmed");
        var signIn = await browser.SignInAsync("zhao.min@example.com", "Secret!2026");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("portal.auth="));
    }

    [Fact]
    public async Task SignIn_OfAnUnconfirmedAccount_CountsWrongPasswords_AndLockedSaysNothingOfThePassword()
    {
        using var browser = new BrowserClient(_app);
        await RegisterAsync(browser, "guessed@example.com");

        for (var i = 0; i < 5; i++)
        {
            (await (await browser.SignInAsync("guessed@example.com", $"Wrong!{i}")).Content.ReadAsStringAsync())
                .ShouldNotContain("Confirm your e-mail address first");
        }

        var right = await browser.SignInAsync("guessed@example.com", "Secret!2026");

        (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "guessed@example.com"))).LockoutEnd.ShouldNotBeNull("five wrong guesses lock it");
        (await right.Content.ReadAsStringAsync()).ShouldNotContain("Confirm your e-mail address first", Case.Sensitive, "a locked account answers like any failure");
    }

    [Fact]
    public async Task ConfirmEmail_WithATamperedCode_SaysTheLinkIsInvalidAndConfirmsNothing()
    {
        using var browser = new BrowserClient(_app);
        await RegisterAsync(browser, "tampered@example.com");
        var user = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "tampered@example.com"));

        var html = await browser.Http.GetStringAsync($"/Account/ConfirmEmail?userId={user.Id}&code=bm90LWEtdG9rZW4");

        html.ShouldContain("This confirmation link is not valid");
        (await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "tampered@example.com"))).EmailConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task SetPasswordLink_OfAnUnconfirmedAccount_AlsoConfirmsTheAddress()
    {
        await TestBrands.CreateWithOwnerAsync(_app, "staff-like", "unconfirmed@example.com");
        using var browser = new BrowserClient(_app);
        await browser.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = "unconfirmed@example.com" });
        var email = await _app.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "unconfirmed@example.com" && e.Kind == EmailKind.PasswordReset));
        var link = new Uri(Regex.Match(email.TextBody, @"http\S+ResetPassword\S+").Value);

        await browser.SubmitFormAsync(link.PathAndQuery, "reset-password", new Dictionary<string, string>
        {
            ["Input.Code"] = System.Web.HttpUtility.ParseQueryString(link.Query)["code"]!,
            ["Input.Email"] = "unconfirmed@example.com",
            ["Input.Password"] = "Changed!2026",
            ["Input.ConfirmPassword"] = "Changed!2026",
        });

        (await browser.SignInAsync("unconfirmed@example.com", "Changed!2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("Development", false)]
    [InlineData("Production", true)]
    public async Task RequireConfirmedEmail_Unset_IsOnOutsideDevelopmentOnly(string environment, bool expected)
    {
        using var directory = new TempDirectory();
        var settings = PortalAppFactory.ProductionSettings(directory, "https://portal.example.com");
        await using var app = new PortalAppFactory(directory, environment, settings);

        app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.SignIn.RequireConfirmedEmail.ShouldBe(expected);
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\S+")]
    private static partial Regex ConfirmLink();
}
