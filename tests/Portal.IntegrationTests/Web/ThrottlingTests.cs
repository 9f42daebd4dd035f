using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>Finding 5: account forms and the token endpoint are throttled per client address (429 with Retry-After).</summary>
public sealed class ThrottlingTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["RateLimiting:AccountPermitLimit"] = "3",
        ["RateLimiting:TokenPermitLimit"] = "3",
        ["Jobs:RunServer"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task SignIn_PastTheLimitFromOneAddress_Is429WithRetryAfterAndALocalizedPage_EvenWithTheRightPassword()
    {
        using var browser = new BrowserClient(_app);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await browser.SignInAsync("ska@demo.test", "wrong-password")).StatusCode.ShouldBe(HttpStatusCode.OK, $"attempt {attempt} is within the limit");
        }

        var throttled = await browser.SignInAsync("ska@demo.test");

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(throttled.Headers.GetValues("Retry-After").Single()).ShouldBeInRange(1, 60);
        throttled.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await throttled.Content.ReadAsStringAsync()).ShouldContain("尝试次数过多");
    }

    [Theory]
    [InlineData("/Account/ForgotPassword", "forgot-password")]
    [InlineData("/Account/Register", "register")]
    public async Task AccountForm_PastTheLimitFromOneAddress_Is429(string page, string form)
    {
        using var browser = new BrowserClient(_app);
        var fields = new Dictionary<string, string> { ["Input.Email"] = "someone@example.test" };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await browser.SubmitFormAsync(page, form, fields)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var throttled = await browser.SubmitFormAsync(page, form, fields);

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.Contains("Retry-After").ShouldBeTrue();
        (await throttled.Content.ReadAsStringAsync()).ShouldContain("Too many attempts");
    }

    [Fact]
    public async Task Token_PastTheLimitFromOneAddress_Is429ProblemDetails_EvenWithTheRightSecret()
    {
        var client = _app.CreateClient();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await TokenEndpointTests.RequestTokenAsync(client, "wrong-secret")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var throttled = await TokenEndpointTests.RequestTokenAsync(client, "demo-feed-secret");

        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.Contains("Retry-After").ShouldBeTrue();
        throttled.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await throttled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(429);
    }

    [Fact]
    public async Task SignIn_ThroughATrailingSlash_CountsAgainstTheSameLimit()
    {
        using var browser = new BrowserClient(_app);
        var fields = new Dictionary<string, string> { ["Input.Email"] = "ska@demo.test", ["Input.Password"] = "wrong-password" };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            (await browser.SubmitFormAsync(attempt % 2 == 0 ? "/Account/Login/" : "/account/login", "login", fields)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await browser.SubmitFormAsync("/Account/Login/", "login", fields)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Pages_AreNotThrottled_OnlyPostsOfTheForms()
    {
        var client = _app.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Start_WithAZeroLimit_RefusesAndNamesTheSetting()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["RateLimiting:TokenPermitLimit"] = "0" });

        var error = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => app.CreateClient());

        error.Message.ShouldContain("RateLimiting:TokenPermitLimit");
    }
}
