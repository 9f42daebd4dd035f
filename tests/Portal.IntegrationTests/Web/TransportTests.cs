using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>Finding 8: outside Development the portal speaks HTTPS only, its cookies are Secure, tokens travel in the header only.</summary>
public sealed class TransportTests
{
    private static PortalAppFactory Production(TempDirectory directory, Dictionary<string, string?>? extra = null, string publicBaseUrl = "http://localhost")
    {
        var settings = PortalAppFactory.ProductionSettings(directory, publicBaseUrl);
        settings["https_port"] = "443";
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new PortalAppFactory(directory, "Production", settings);
    }

    [Fact]
    public async Task Production_PlainHttp_IsRedirectedToHttps_AndHttpsGetsHsts()
    {
        using var directory = new TempDirectory();
        // HSTS is never sent to localhost: the portal goes by a real name (and answers only to it).
        await using var app = Production(directory, publicBaseUrl: "https://portal.example.test");

        var plain = await app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://portal.example.test") }).GetAsync("/Account/Login");
        var probe = await app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://portal.example.test") }).GetAsync("/health/live");
        var secure = await app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example.test") }).GetAsync("/Account/Login");

        plain.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        plain.Headers.Location!.Scheme.ShouldBe("https");
        probe.StatusCode.ShouldBe(HttpStatusCode.OK, "health probes may come over plain HTTP from inside the network");
        secure.StatusCode.ShouldBe(HttpStatusCode.OK);
        secure.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldBe("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public async Task Production_ApiOverPlainHttp_IsRefusedInTheCallersLanguage_NeverRedirected()
    {
        using var directory = new TempDirectory();
        await using var app = Production(directory);
        var plain = app.CreateClient(new() { AllowAutoRedirect = false });
        plain.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var api = await plain.GetAsync("/api/v1/ping");
        var token = await TokenEndpointTests.RequestTokenAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "demo-feed-secret");

        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadAsStringAsync()).ShouldContain("此接口仅支持 HTTPS");
        token.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the token endpoint refuses plain HTTP itself; a redirect would follow a secret already sent in clear");
        token.Headers.Location.ShouldBeNull();
    }

    [Fact]
    public async Task Production_EveryCookie_IsSecure()
    {
        using var directory = new TempDirectory();
        await using var app = Production(directory);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var page = await client.GetAsync("/Account/Login");
        var culture = await client.GetAsync("/culture/set?culture=en&redirectUri=/");

        var cookies = page.Headers.GetValues("Set-Cookie").Concat(culture.Headers.TryGetValues("Set-Cookie", out var more) ? more : []).ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_TokenOverPlainHttp_IsRefused_AndOverHttpsIssued()
    {
        using var directory = new TempDirectory();
        await using var app = Production(directory, new() { ["https_port"] = null });

        var plain = await TokenEndpointTests.RequestTokenAsync(app.CreateClient(new() { AllowAutoRedirect = false }), "demo-feed-secret");
        var secure = await TokenEndpointTests.RequestTokenAsync(app.CreateClient(new() { BaseAddress = new Uri("https://localhost") }), "demo-feed-secret");

        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await plain.Content.ReadAsStringAsync()).ShouldNotContain("access_token");
        secure.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Production_WithRequireHttpsOff_RefusesToStartAndNamesTheSetting()
    {
        using var directory = new TempDirectory();
        await using var app = Production(directory, new() { ["Auth:RequireHttps"] = "false" });

        var error = app.RefusedStart();

        error.Message.ShouldContain("Auth:RequireHttps");
    }

    [Fact]
    public async Task Start_WithAMalformedKnownProxy_RefusesAndNamesTheSetting()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99" });

        var error = app.RefusedStart();

        error.Message.ShouldContain("ForwardedHeaders:KnownNetworks:0");
    }

    [Fact]
    public async Task AccessToken_InTheQueryString_IsNotAccepted()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();
        var token = (await (await TokenEndpointTests.RequestTokenAsync(client, "demo-feed-secret")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();

        var query = await client.GetAsync($"/api/v1/ping?access_token={Uri.EscapeDataString(token!)}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var header = await client.GetAsync("/api/v1/ping");

        query.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        header.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
