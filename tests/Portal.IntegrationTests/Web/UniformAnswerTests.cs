using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>Finding 5: sign-in, registration and the token endpoint answer alike whether an account or client exists.</summary>
public sealed class UniformAnswerTests : IAsyncLifetime
{
    private readonly ReadGate _reads = new();
    private readonly PortalAppFactory _app;

    public UniformAnswerTests() => _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }) { TestServices = _reads.Install };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static string FormErrors(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"form-errors\"[^>]*>(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task SignIn_UnknownAccountAndLockedAccount_GetTheSameAnswer()
    {
        using var browser = new BrowserClient(_app);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await browser.SignInAsync("ska@demo.test", "wrong-password");
        }

        var locked = await browser.SignInAsync("ska@demo.test");
        var unknown = await browser.SignInAsync("nobody@demo.test", "wrong-password");

        locked.StatusCode.ShouldBe(unknown.StatusCode);
        locked.Headers.Location.ShouldBe(unknown.Headers.Location);
        var lockedText = await locked.Content.ReadAsStringAsync();
        FormErrors(lockedText).ShouldNotBeEmpty();
        FormErrors(lockedText).ShouldBe(FormErrors(await unknown.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Register_WithAKnownAddress_AnswersLikeANewOneAndMailsTheOwner()
    {
        using var browser = new BrowserClient(_app);
        Dictionary<string, string> Form(string email) => new()
        {
            ["Input.DisplayName"] = "Someone",
            ["Input.Email"] = email,
            ["Input.Password"] = "Secret!2026",
            ["Input.ConfirmPassword"] = "Secret!2026",
        };

        var known = await browser.SubmitFormAsync("/Account/Register", "register", Form("brand@demo.test"));
        var fresh = await browser.SubmitFormAsync("/Account/Register", "register", Form("fresh.person@example.test"));

        known.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        known.StatusCode.ShouldBe(fresh.StatusCode);
        known.Headers.Location.ShouldBe(fresh.Headers.Location);
        (await known.Content.ReadAsStringAsync()).ShouldNotContain("taken", Case.Insensitive);
        var mails = await _app.WithDbAsync(db => db.OutgoingEmails.Where(e => e.To == "brand@demo.test").ToListAsync());
        mails.ShouldHaveSingleItem().Kind.ShouldBe(EmailKind.RegistrationAttempt);
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "brand@demo.test"))).ShouldBe(1);
        var page = await browser.Http.GetStringAsync(known.Headers.Location!.OriginalString);
        page.ShouldContain("Check your e-mail");
    }

    [Fact]
    public async Task Register_WithAKnownAddressAndAWeakPassword_GetsThePasswordRulesLikeANewOne()
    {
        using var browser = new BrowserClient(_app);
        Dictionary<string, string> Form(string email) => new()
        {
            ["Input.DisplayName"] = "Someone",
            ["Input.Email"] = email,
            ["Input.Password"] = "weak",
            ["Input.ConfirmPassword"] = "weak",
        };

        var known = await browser.SubmitFormAsync("/Account/Register", "register", Form("brand@demo.test"));
        var fresh = await browser.SubmitFormAsync("/Account/Register", "register", Form("weak.person@example.test"));

        known.StatusCode.ShouldBe(HttpStatusCode.OK);
        FormErrors(await known.Content.ReadAsStringAsync()).ShouldBe(FormErrors(await fresh.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Token_UnknownClientAndWrongSecret_GetTheSameAnswer()
    {
        var client = _app.CreateClient();
        Task<HttpResponseMessage> Ask(string clientId, string secret) => client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "metrics.read",
        }));

        var unknown = await Ask("no-such-client", "whatever");
        var wrong = await Ask("demo-feed", "wrong-secret");

        unknown.StatusCode.ShouldBe(wrong.StatusCode);
        var unknownBody = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        var wrongBody = JsonDocument.Parse(await wrong.Content.ReadAsStringAsync()).RootElement;
        unknownBody.GetProperty("error").GetString().ShouldBe("invalid_client");
        unknownBody.GetRawText().ShouldBe(wrongBody.GetRawText());
    }

    [Fact]
    public async Task Register_TwiceAtOnceWithOneAddress_AnswersAlikeAndMakesOneAccount()
    {
        var request = new Portal.Core.Features.Accounts.RegistrationRequest { DisplayName = "Twice", Email = "twice@example.test", Password = "Secret!2026", ConfirmPassword = "Secret!2026" };

        async Task<Portal.Core.Features.Accounts.AccountResult> RegisterAsync()
        {
            await using var scope = _app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Portal.Core.Features.Accounts.AccountService>().RegisterBrandManagerAsync(request, "en");
        }

        // Both look the address up (held here, so neither finds the other's account), then create it together.
        var results = await _reads.TogetherAsync("TWICE@EXAMPLE.TEST", RegisterAsync, RegisterAsync);

        results.ShouldAllBe(r => r.Succeeded && r.Errors.Count == 0);
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == "TWICE@EXAMPLE.TEST"))).ShouldBe(1);
        (await _app.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == "twice@example.test"))).ShouldBe(1);
    }
}
