using System.Net;
using System.Text.RegularExpressions;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>Finding 7: every response carries a content security policy and the other protective headers.</summary>
public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    [Fact]
    public async Task Page_RendersWithAStrictPolicyWhoseNonceIsOnTheImportMap()
    {
        var response = await _app.CreateClient().GetAsync("/Account/Login");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("_framework/blazor.web");
        var csp = Csp(response);
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldContain("base-uri 'self'");
        csp.ShouldContain("connect-src 'self'");
        csp.ShouldNotContain("unsafe-eval");
        var nonce = Nonce().Match(csp).Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value.ShouldNotContain("unsafe-inline");
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        inline.ShouldContain(script => script.Contains("type=\"importmap\""), "the import map is written inline");
        inline.ShouldAllBe(script => script.Contains($"nonce=\"{nonce}\""), "every inline script the page writes must carry the nonce");

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
    }

    [Fact]
    public async Task Nonce_IsNewForEveryResponse()
    {
        var client = _app.CreateClient();

        var first = Nonce().Match(Csp(await client.GetAsync("/Account/Login"))).Groups[1].Value;
        var second = Nonce().Match(Csp(await client.GetAsync("/Account/Login"))).Groups[1].Value;

        first.ShouldNotBe(second);
    }

    [Theory]
    [InlineData("/api/v1/ping")]
    [InlineData("/health/live")]
    [InlineData("/favicon.svg")]
    public async Task OtherResponses_CarryTheHeadersToo(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        Csp(response).ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task JobsDashboard_CannotBeFramed()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("ska@demo.test");

        var response = await browser.Http.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Csp(response).ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        var html = await response.Content.ReadAsStringAsync();
        InlineScript().Matches(html).Select(m => m.Value).ShouldBeEmpty("the dashboard runs under the strict policy only if it has no inline script");
    }

    [Fact]
    public async Task Scalar_GetsItsOwnPolicyThatLetsItsInlineScriptRun()
    {
        var response = await _app.CreateClient().GetAsync("/scalar");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = Csp(response);
        Regex.Match(csp, "script-src ([^;]*)").Groups[1].Value.ShouldContain("'unsafe-inline'");
        csp.ShouldContain("frame-ancestors 'none'");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("fonts.scalar.com");
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
