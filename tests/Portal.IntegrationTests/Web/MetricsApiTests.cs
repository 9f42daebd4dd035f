using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>One app with small limits (5 rows, 4 KB) for the metrics API's tests.</summary>
public sealed class MetricsApiFixture : IAsyncLifetime
{
    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Metrics:MaxRowsPerBatch"] = "5",
        ["Metrics:MaxBodyBytes"] = "4096",
        ["Metrics:RequestsPerMinutePerClient"] = "1000",
    });

    public Task InitializeAsync()
    {
        App.Clock.MoveTo(MetricsFixture.Now);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>PUT /api/v1/metrics/daily and GET /api/v1/brands/{code}/metrics through HTTP, with real tokens.</summary>
public sealed class MetricsApiTests(MetricsApiFixture fixture) : IClassFixture<MetricsApiFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    internal static async Task<HttpClient> ClientAsync(PortalAppFactory app, string scope)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await TokenEndpointTests.RequestTokenAsync(client, "demo-feed-secret", scope);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Batch(params string[] rows) => $$"""{"rows":[{{string.Join(",", rows)}}]}""";

    [Fact]
    public async Task PutDaily_ValidBatch_AnswersCountsAndGetReadsTheFiguresBack()
    {
        var (code, _) = await _app.NewBrandAsync();
        var client = await ClientAsync(_app, "metrics.write metrics.read");
        var body = Batch(
            $$"""{"brand":"{{code}}","date":"2026-08-31","gmv":1234.50,"orders":10,"repurchaseRate":0.35}""",
            $$"""{"brand":"{{code}}","date":"2026-09-01","streams":2}""");

        var first = await client.PutAsync("/api/v1/metrics/daily", Json(body));
        var again = await client.PutAsync("/api/v1/metrics/daily", Json(body));
        var read = await client.GetAsync($"/api/v1/brands/{code}/metrics?from=2026-08-01&to=2026-09-30");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetRawText().ShouldBe("""{"inserted":2,"updated":0,"unchanged":0}""");
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetRawText().ShouldBe("""{"inserted":0,"updated":0,"unchanged":2}""");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var days = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days");
        days.GetArrayLength().ShouldBe(2);
        days[0].GetProperty("gmv").GetDecimal().ShouldBe(1234.50m);
        days[0].GetProperty("repurchaseRate").GetDecimal().ShouldBe(0.35m);
        days[1].GetProperty("gmv").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("""{"brand":"nobody","date":"2026-08-01"}""", "brand")]
    [InlineData("""{"brand":"$","date":"01/08/2026"}""", "date")]
    [InlineData("""{"brand":"$","date":"2026-08-02","orders":-3}""", "orders")]
    [InlineData("""{"brand":"$","date":"2026-08-02","gmv":10.001}""", "gmv")]
    [InlineData("""{"brand":"$","date":"2026-08-02","repurchaseRate":1.5}""", "repurchaseRate")]
    [InlineData("""{"brand":"$","date":"2026-08-01","gmv":3}""", "date")]
    [InlineData("""{"brand":"$","date":"2026-08-02","fans":"many"}""", "fans")]
    [InlineData("null", "rows")]
    public async Task PutDaily_WithAnInvalidRow_Answers422NamingItAndWritesNothing(string badRow, string field)
    {
        var (code, id) = await _app.NewBrandAsync();
        var client = await ClientAsync(_app, "metrics.write");
        var body = Batch($$"""{"brand":"{{code}}","date":"2026-08-01","gmv":1}""", badRow.Replace("\"$\"", $"\"{code}\""));

        var response = await client.PutAsync("/api/v1/metrics/daily", Json(body));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        error.GetProperty("index").GetInt32().ShouldBe(1);
        error.GetProperty("field").GetString().ShouldBe(field);
        error.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        (await _app.RowsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PutDaily_InChinese_AnswersReasonsInChinese()
    {
        var client = await ClientAsync(_app, "metrics.write");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.PutAsync("/api/v1/metrics/daily", Json(Batch("""{"brand":"nobody","date":"2026-08-01"}""")));

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors")[0].GetProperty("reason").GetString().ShouldBe("不存在代码为“nobody”的品牌。");
    }

    [Fact]
    public async Task PutDaily_BodyOverTheCap_Answers413AndWritesNothing()
    {
        var (code, id) = await _app.NewBrandAsync();
        var client = await ClientAsync(_app, "metrics.write");
        var padding = new string(' ', 5000);

        var response = await client.PutAsync("/api/v1/metrics/daily", Json(Batch($$"""{"brand":"{{code}}","date":"2026-08-01"}""") + padding));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await _app.RowsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PutDaily_MoreRowsThanTheLimit_Answers413AndWritesNothing()
    {
        var (code, id) = await _app.NewBrandAsync();
        var client = await ClientAsync(_app, "metrics.write");
        var rows = Enumerable.Range(1, 6).Select(d => $$"""{"brand":"{{code}}","date":"2026-08-0{{d}}"}""").ToArray();

        var response = await client.PutAsync("/api/v1/metrics/daily", Json(Batch(rows)));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await _app.RowsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PutDaily_TokenWithOnlyTheReadScope_Is403()
    {
        var (code, id) = await _app.NewBrandAsync();
        var client = await ClientAsync(_app, "metrics.read");

        var response = await client.PutAsync("/api/v1/metrics/daily", Json(Batch($$"""{"brand":"{{code}}","date":"2026-08-01"}""")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _app.RowsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GetMetrics_TokenWithOnlyTheWriteScope_Is403()
    {
        var client = await ClientAsync(_app, "metrics.write");

        var response = await client.GetAsync("/api/v1/brands/demo-tea/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PutDaily_WithoutToken_Is401()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PutAsync("/api/v1/metrics/daily", Json(Batch()));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetMetrics_UnknownBrand_Is404()
    {
        var client = await ClientAsync(_app, "metrics.read");

        var response = await client.GetAsync("/api/v1/brands/nobody-here/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothRoutesWithExamplesAndParameters()
    {
        var client = _app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var put = paths.GetProperty("/api/v1/metrics/daily").GetProperty("put");
        put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("rows").GetArrayLength().ShouldBe(2);
        put.GetProperty("responses").TryGetProperty("422", out _).ShouldBeTrue();
        var get = paths.GetProperty("/api/v1/brands/{code}/metrics").GetProperty("get");
        get.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _).ShouldBeTrue();
        // The parameters a feed's generated client needs (from the handler's signature, which the request delegate generator reads at build time).
        var parameters = get.GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => (In: p.GetProperty("in").GetString(), Required: p.TryGetProperty("required", out var r) && r.GetBoolean()));
        parameters["code"].ShouldBe(("path", true));
        parameters["from"].ShouldBe(("query", false));
        parameters["to"].ShouldBe(("query", false));
        paths.EnumerateObject().ShouldAllBe(p => p.Name.StartsWith("/api/"));
    }

    [Fact]
    public async Task Scalar_InDevelopment_ServesTheApiReference()
    {
        var client = _app.CreateClient();

        var response = await client.GetAsync("/scalar/v1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }
}

/// <summary>The per-client rate limit, on an app of its own (two requests a minute).</summary>
public sealed class MetricsRateLimitTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Metrics:RequestsPerMinutePerClient"] = "2",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task PutDaily_OverThePerClientLimit_Answers429WithRetryAfter()
    {
        var client = await MetricsApiTests.ClientAsync(_app, "metrics.write metrics.read");
        var body = """{"rows":[{"brand":"demo-tea","date":"2026-08-01","gmv":1}]}""";

        var first = await client.PutAsync("/api/v1/metrics/daily", new StringContent(body, Encoding.UTF8, "application/json"));
        var second = await client.GetAsync("/api/v1/brands/demo-tea/metrics");
        var third = await client.PutAsync("/api/v1/metrics/daily", new StringContent(body, Encoding.UTF8, "application/json"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        third.Headers.RetryAfter.ShouldNotBeNull();
        (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(429);
        var rows = await _app.WithDbAsync(db => db.DailyMetrics.CountAsync());
        rows.ShouldBe(1);
    }
}
