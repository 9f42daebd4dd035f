using System.Net;
using System.Text.RegularExpressions;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>Any return address signs in (or out) and lands on a page of this site.</summary>
public sealed class ReturnUrlTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    public static TheoryData<string> UnsafeReturnUrls() =>
    [
        "https://evil.example/",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "/\t/evil.example",
    ];

    [Theory]
    [MemberData(nameof(UnsafeReturnUrls))]
    public async Task SignIn_WithAnUnsafeReturnUrl_SignsInAndGoesToTheStartPage(string returnUrl)
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.SubmitFormAsync($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "brand@demo.test",
            ["Input.Password"] = TestBrands.Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Landing(response).ShouldBe("http://localhost/");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("portal.auth="));
    }

    [Fact]
    public async Task SignIn_WithALocalReturnUrl_GoesThere()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.SubmitFormAsync($"/Account/Login?returnUrl={Uri.EscapeDataString("/brands/demo-tea?tab=1")}", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "brand@demo.test",
            ["Input.Password"] = TestBrands.Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Landing(response).ShouldBe("http://localhost/brands/demo-tea?tab=1");
    }

    [Theory]
    [MemberData(nameof(UnsafeReturnUrls))]
    public async Task SignOut_WithAnUnsafeReturnUrl_SignsOutAndGoesToTheStartPage(string returnUrl)
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await SignOutAsync(browser, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Landing(response).ShouldBe("http://localhost/");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("portal.auth=;"));
    }

    [Fact]
    public async Task SignOut_PostedWithoutTheFormsAntiforgeryToken_IsRefused400AndKeepsTheSession()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        // What another site's page could post in the person's name: the form without its token, or a text/plain
        // post, which the antiforgery check does not look at.
        HttpContent[] posts =
        [
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "/" }),
            new StringContent("ReturnUrl=/", System.Text.Encoding.UTF8, "text/plain"),
        ];
        foreach (var post in posts)
        {
            var response = await browser.Http.PostAsync("/Account/Logout", post);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, post.Headers.ContentType!.MediaType);
            (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("portal.auth=;"));
        }

        (await browser.Http.GetAsync("/brand")).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in");
    }

    [Theory]
    [MemberData(nameof(UnsafeReturnUrls))]
    [InlineData("/\tx")]
    public async Task LanguageSwitch_WithAnUnsafeReturnUrl_SetsTheLanguageAndGoesToTheStartPage(string returnUrl)
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture/set?culture=zh-CN&redirectUri={Uri.EscapeDataString(returnUrl)}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Landing(response).ShouldBe("http://localhost/");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture="));
    }

    [Fact]
    public async Task LanguageSwitch_WithALocalReturnUrl_GoesBackThere()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture/set?culture=en&redirectUri={Uri.EscapeDataString("/brands/demo-tea/journey?step=2")}");

        Landing(response).ShouldBe("http://localhost/brands/demo-tea/journey?step=2");
    }

    [Fact]
    public async Task LanguageSwitch_BackToAnAddressWithChinese_RedirectsWithAnAsciiLocation()
    {
        // Kestrel refuses a Location header outside ASCII (TestServer does not check): the address goes percent-encoded.
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/culture/set?culture=zh-CN&redirectUri={Uri.EscapeDataString("/ops/portfolio?search=云茶")}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldBe("/ops/portfolio?search=%E4%BA%91%E8%8C%B6");
        location.All(char.IsAscii).ShouldBeTrue();
    }

    /// <summary>Where the redirect leads, as the browser resolves it against the page's address.</summary>
    private static string Landing(HttpResponseMessage response) => new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsoluteUri;

    /// <summary>Posts the layout's sign-out form (with an antiforgery token from a page) to /Account/Logout.</summary>
    internal static async Task<HttpResponseMessage> SignOutAsync(BrowserClient browser, string returnUrl = "/")
    {
        var html = await browser.Http.GetStringAsync("/Account/Login");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await browser.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["ReturnUrl"] = returnUrl,
        }));
    }
}
