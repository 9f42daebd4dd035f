using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

public sealed class TokenEndpointTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    internal static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string secret, string scope = "metrics.write") =>
        await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-feed",
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));

    [Fact]
    public async Task Token_ForDemoFeedWithRightSecret_IsIssuedWithTheAskedScopes()
    {
        var client = _app.CreateClient();

        var response = await RequestTokenAsync(client, "demo-feed-secret", "metrics.write metrics.read");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("access_token").GetString().ShouldNotBeNullOrWhiteSpace();
        body.GetProperty("expires_in").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Token_WithWrongSecret_IsRefusedAsInvalidClient()
    {
        var client = _app.CreateClient();

        var response = await RequestTokenAsync(client, "not-the-secret");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Token_ForAScopeTheServerDoesNotKnow_IsRefused()
    {
        var client = _app.CreateClient();

        var response = await RequestTokenAsync(client, "demo-feed-secret", "admin.everything");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("error").GetString().ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task Ping_WithValidToken_AnswersWhoCalled()
    {
        var client = _app.CreateClient();
        var token = (await (await RequestTokenAsync(client, "demo-feed-secret")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/v1/ping");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("client").GetString().ShouldBe("demo-feed");
        body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldContain("metrics.write");
    }

    [Fact]
    public async Task Ping_WithoutToken_Is401()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/v1/ping");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Ping_WithForgedToken_Is401()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        var response = await client.GetAsync("/api/v1/ping");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
