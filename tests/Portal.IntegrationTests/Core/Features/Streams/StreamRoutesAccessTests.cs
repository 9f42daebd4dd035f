using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Streams;

/// <summary>Every stream and trust-card page answers Not Found to another brand's member, and never shows a plan through another brand's address.</summary>
public sealed class StreamRoutesAccessTests(StreamsApp fixture) : IClassFixture<StreamsApp>
{
    private Task<Guid> DemoPlanIdAsync(StreamStatus status) =>
        fixture.App.WithDbAsync(db => db.StreamPlans.Where(p => p.BrandId == fixture.DemoBrandId && p.Status == status).Select(p => p.Id).FirstAsync());

    private async Task<string[]> DemoRoutesAsync() =>
    [
        "/brands/demo-tea/streams",
        "/brands/demo-tea/streams/new",
        $"/brands/demo-tea/streams/{await DemoPlanIdAsync(StreamStatus.Ready)}",
        "/brands/demo-tea/trust-card",
    ];

    private async Task<BrowserClient> SignedInAsync(string email)
    {
        var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(email);
        return browser;
    }

    /// <summary>The page's HTML with entities decoded (the encoder writes + and ' as entities).</summary>
    private static async Task<string> PageTextAsync(BrowserClient browser, string route) =>
        WebUtility.HtmlDecode(await browser.Http.GetStringAsync(route));

    [Fact]
    public async Task DemoBrandRoutes_ForAMemberOfAnotherBrand_AreNotFound()
    {
        using var browser = await SignedInAsync(StreamsApp.OtherOwnerEmail);

        foreach (var route in await DemoRoutesAsync())
        {
            var response = await browser.Http.GetAsync(route);

            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, route);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Cloud Tea", customMessage: route);
        }
    }

    [Fact]
    public async Task DemoPlan_ThroughTheOtherBrandsOwnAddress_IsNotFound()
    {
        using var browser = await SignedInAsync(StreamsApp.OtherOwnerEmail);
        var planId = await DemoPlanIdAsync(StreamStatus.Ready);

        var ownCalendar = await browser.Http.GetAsync($"/brands/{StreamsApp.OtherBrandCode}/streams");
        var response = await browser.Http.GetAsync($"/brands/{StreamsApp.OtherBrandCode}/streams/{planId}");

        ownCalendar.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldNotContain("Fans' thank-you night");
    }

    [Theory]
    [InlineData("brand@demo.test")]
    [InlineData("ska@demo.test")]
    public async Task DemoBrandRoutes_ForTheOwnerAndForStaff_AreShown(string email)
    {
        using var browser = await SignedInAsync(email);

        foreach (var route in await DemoRoutesAsync())
        {
            var response = await browser.Http.GetAsync(route);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, route);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Cloud Tea", customMessage: route);
        }
    }

    [Fact]
    public async Task PlanPage_ForTheOwner_ShowsThePlanAndItsActions()
    {
        using var browser = await SignedInAsync("brand@demo.test");

        var html = await PageTextAsync(browser, $"/brands/demo-tea/streams/{await DemoPlanIdAsync(StreamStatus.Ready)}");

        html.ShouldContain("Fans' thank-you night");
        html.ShouldContain("Readiness 5/5");
        html.ShouldContain("Mark done");
        html.ShouldContain("China Standard Time (UTC+8)");
    }

    [Fact]
    public async Task PlanPage_ForStaff_IsViewOnly()
    {
        using var browser = await SignedInAsync("ska@demo.test");

        var html = await PageTextAsync(browser, $"/brands/demo-tea/streams/{await DemoPlanIdAsync(StreamStatus.Draft)}");

        html.ShouldContain("only the brand's members can change them");
        html.ShouldNotContain("Save plan");
        html.ShouldNotContain("Mark ready");
    }

    [Fact]
    public async Task TrustCardPage_ForStaff_ShowsTheTierAndHistory()
    {
        using var browser = await SignedInAsync("ska@demo.test");

        var html = await PageTextAsync(browser, "/brands/demo-tea/trust-card");

        html.ShouldContain("Tier reached: Advanced");
        html.ShouldContain("History of changes");
        html.ShouldNotContain("Save commitments");
    }
}
