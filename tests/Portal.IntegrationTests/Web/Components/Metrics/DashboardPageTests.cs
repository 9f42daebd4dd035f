using System.Net;
using Portal.IntegrationTests.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Core.Features.Metrics.MetricsTestApp;

namespace Portal.IntegrationTests.Web.Components.Metrics;

/// <summary>The brand's dashboard as its member sees it (prerendered HTML).</summary>
public sealed class DashboardPageTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    [Fact]
    public async Task Dashboard_AfterFiguresAndEvaluation_ShowsKpisMilestonesAndTierHistory()
    {
        var owner = $"dash-{Guid.NewGuid():N}@example.com";
        const string code = "dash-brand";
        var id = await TestBrands.CreateWithOwnerAsync(_app, code, owner, "Dash Tea", "看板茶");
        await _app.IngestOkAsync(
            Row(code, "2026-08-01") with { Gmv = 1_200_000m, PaidOrders = 40, Streams = 1, Fans = 12_345, RepurchaseRate = 0.42m },
            Row(code, "2026-09-14") with { Gmv = 5_000m });
        await _app.Evaluation().EvaluateAsync([id]);
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(owner, TestBrands.Password);

        var html = await browser.Http.GetStringAsync($"/brands/{code}/dashboard?culture=en");

        html.ShouldContain("Dashboard");
        html.ShouldContain("12.3K");
        html.ShouldContain("42%");
        html.ShouldContain("First stream on 2026-08-01: 1 (2026-08-01)");
        html.ShouldContain("KA since 2026-09: GMV ¥1.2M in 2026-08");
    }

    [Fact]
    public async Task Dashboard_InChinese_WritesFiguresInWanAndTheTierChangeInChinese()
    {
        var owner = $"dash-zh-{Guid.NewGuid():N}@example.com";
        const string code = "dash-zh-brand";
        var id = await TestBrands.CreateWithOwnerAsync(_app, code, owner, "Dash Tea ZH", "看板茶二");
        await _app.IngestOkAsync(
            Row(code, "2026-08-01") with { Gmv = 1_200_000m, PaidOrders = 40, Streams = 1, Fans = 12_345, RepurchaseRate = 0.42m },
            Row(code, "2026-09-14") with { Gmv = 5_000m });
        await _app.Evaluation().EvaluateAsync([id]);
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(owner, TestBrands.Password);

        var html = System.Net.WebUtility.HtmlDecode(await browser.Http.GetStringAsync($"/brands/{code}/dashboard?culture=zh-CN"));

        html.ShouldContain("1.2万");
        html.ShouldContain("2026-09 起为 KA：2026-08 GMV ¥120万");
        html.ShouldNotContain("¥1.2M");
        html.ShouldNotContain("12,345<");
    }

    [Fact]
    public async Task Dashboard_ForAnotherBrandsMember_IsNotFound()
    {
        var owner = $"other-{Guid.NewGuid():N}@example.com";
        await TestBrands.CreateWithOwnerAsync(_app, $"own-{Guid.NewGuid():N}"[..20], owner);
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(owner, TestBrands.Password);

        var response = await browser.Http.GetAsync("/brands/demo-tea/dashboard");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
