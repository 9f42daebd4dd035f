using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>/Account/ChangePassword: a signed-in person changes their own password and stays signed in.</summary>
public sealed class ChangePasswordTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        // The sign-in cookie re-checks the security stamp after a second of the app's clock.
        ["Auth:RevalidationInterval"] = "00:00:01",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static Task<HttpResponseMessage> ChangeAsync(BrowserClient browser, string current, string next, string confirm) =>
        browser.SubmitFormAsync("/Account/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });

    [Fact]
    public async Task ChangePassword_WithTheRightCurrentPassword_ChangesIt_KeepsThisBrowserSignedIn_AndEndsOtherSignIns()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");
        using var elsewhere = new BrowserClient(_app);
        await elsewhere.SignInAsync("brand@demo.test");

        var response = await ChangeAsync(browser, TestBrands.Password, "Changed!2027", "Changed!2027");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.Http.GetStringAsync(response.Headers.Location!)).ShouldContain("Your password has been changed.");
        _app.Clock.MoveTo(_app.Clock.GetUtcNow().AddSeconds(5)); // past the revalidation interval
        (await browser.Http.GetAsync("/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.OK, "this browser stays signed in");
        (await elsewhere.Http.GetAsync("/api/brands/demo-tea/comments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the other sign-in ends");
        using var other = new BrowserClient(_app);
        (await other.SignInAsync("brand@demo.test", TestBrands.Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "the old password no longer works");
        (await other.SignInAsync("brand@demo.test", "Changed!2027")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_SaysSoInChineseAndChangesNothing()
    {
        using var browser = new BrowserClient(_app);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        await browser.SignInAsync("brand@demo.test");

        var response = await ChangeAsync(browser, "Wrong!2026", "Changed!2027", "Changed!2027");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("修改密码");
        html.ShouldContain("data-testid=\"form-errors\"");
        using var other = new BrowserClient(_app);
        (await other.SignInAsync("brand@demo.test", TestBrands.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ChangePassword_WithAMismatchedConfirmation_ChangesNothing()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await ChangeAsync(browser, TestBrands.Password, "Changed!2027", "Changed!2028");

        (await response.Content.ReadAsStringAsync()).ShouldContain("The two passwords do not match.");
        using var other = new BrowserClient(_app);
        (await other.SignInAsync("brand@demo.test", TestBrands.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ChangePassword_SignedOut_SendsToSignIn()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.Http.GetAsync("/Account/ChangePassword");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }
}
