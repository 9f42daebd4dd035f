using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Administration;
using Portal.IntegrationTests.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>Finding 3: an API client touches only the brands in its scope (demo-tea-feed: demo-tea only).</summary>
public sealed class MetricsBrandScopeTests(MetricsApiFixture fixture) : IClassFixture<MetricsApiFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    internal static async Task<HttpClient> ClientAsync(PortalAppFactory app, string clientId, string secret, string scope = "metrics.write metrics.read")
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private Task<int> RowsOnAsync(string code, DateOnly day) =>
        _app.WithDbAsync(db => db.DailyMetrics.CountAsync(m => m.Date == day && db.Brands.Any(b => b.Id == m.BrandId && b.Code == code)));

    [Fact]
    public async Task PutDaily_ByBrandLimitedClient_WithARowOfAnotherBrand_Is403NamingItAndWritesNothing()
    {
        var (other, _) = await _app.NewBrandAsync("draft");
        var client = await ClientAsync(_app, "demo-tea-feed", "demo-tea-feed-secret");

        var response = await client.PutAsync("/api/v1/metrics/daily", Json($$"""
            {"rows":[{"brand":"demo-tea","date":"2026-03-01","orders":5},{"brand":"{{other}}","date":"2026-03-01","orders":7}]}
            """));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString()!.ShouldContain(other);
        problem.GetProperty("brands").EnumerateArray().Select(b => b.GetString()).ShouldBe([other]);
        (await RowsOnAsync("demo-tea", new DateOnly(2026, 3, 1))).ShouldBe(0, "all or nothing: the in-scope row is not written either");
        (await RowsOnAsync(other, new DateOnly(2026, 3, 1))).ShouldBe(0);
    }

    [Fact]
    public async Task PutDaily_ByBrandLimitedClient_ForAnUnknownBrand_Is403NotA422ThatWouldConfirmItIsUnknown()
    {
        var client = await ClientAsync(_app, "demo-tea-feed", "demo-tea-feed-secret");

        var response = await client.PutAsync("/api/v1/metrics/daily", Json("""{"rows":[{"brand":"no-such-brand","date":"2026-03-02","orders":1}]}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PutDaily_ByBrandLimitedClient_ForItsOwnBrand_IsWritten()
    {
        var client = await ClientAsync(_app, "demo-tea-feed", "demo-tea-feed-secret");

        var response = await client.PutAsync("/api/v1/metrics/daily", Json("""{"rows":[{"brand":"Demo-Tea","date":"2026-03-03","orders":9}]}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RowsOnAsync("demo-tea", new DateOnly(2026, 3, 3))).ShouldBe(1);
    }

    [Fact]
    public async Task GetMetrics_ByBrandLimitedClient_ForAnotherBrand_Is403()
    {
        var client = await ClientAsync(_app, "demo-tea-feed", "demo-tea-feed-secret");

        var own = await client.GetAsync("/api/v1/brands/demo-tea/metrics?from=2026-03-01&to=2026-03-31");
        var other = await client.GetAsync("/api/v1/brands/silver-moon/metrics?from=2026-03-01&to=2026-03-31");

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("brands")[0].GetString().ShouldBe("silver-moon");
    }

    [Fact]
    public async Task PlatformWideClient_StillWritesAnyBrand()
    {
        var (code, _) = await _app.NewBrandAsync("wide");
        var client = await ClientAsync(_app, "demo-feed", "demo-feed-secret");

        var response = await client.PutAsync("/api/v1/metrics/daily", Json($$"""{"rows":[{"brand":"{{code}}","date":"2026-03-04","orders":3}]}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateClient_LimitedToBrands_GetsATokenThatWritesOnlyThoseBrands()
    {
        var (mine, _) = await _app.NewBrandAsync("mine");
        var (theirs, _) = await _app.NewBrandAsync("theirs");
        var clients = _app.Services.GetRequiredService<ApiClientAdministration>();
        var admin = await _app.PrincipalAsync("admin@demo.test");

        var secret = (await clients.CreateAsync(admin, $"{mine}-feed", "Mine", ["metrics.write"], ApiClientOwner.Brands([mine]))).Value!;
        var client = await ClientAsync(_app, $"{mine}-feed", secret, "metrics.write");
        var listed = (await clients.ListAsync(admin)).Value!.Single(c => c.ClientId == $"{mine}-feed");

        listed.Owner!.Kind.ShouldBe(ApiClientOwner.BrandsKind, "the list shows the scope chosen at creation");
        listed.Owner.References.ShouldBe([mine]);
        (await client.PutAsync("/api/v1/metrics/daily", Json($$"""{"rows":[{"brand":"{{mine}}","date":"2026-03-05","orders":1}]}"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsync("/api/v1/metrics/daily", Json($$"""{"rows":[{"brand":"{{theirs}}","date":"2026-03-05","orders":1}]}"""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateClient_LimitedToAnUnknownOrNoBrand_IsRefused()
    {
        var clients = _app.Services.GetRequiredService<ApiClientAdministration>();
        var admin = await _app.PrincipalAsync("admin@demo.test");

        var unknown = await clients.CreateAsync(admin, "ghost-feed", "Ghost", ["metrics.read"], ApiClientOwner.Brands(["ghost-brand"]));
        var none = await clients.CreateAsync(admin, "empty-feed", "Empty", ["metrics.read"], ApiClientOwner.Brands([]));

        unknown.Errors.ShouldBe(["There is no brand with the code ghost-brand."]);
        none.Succeeded.ShouldBeFalse();
    }
}
