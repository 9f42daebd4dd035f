using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Journey;

/// <summary>The journey page over HTTP: the brand's members and staff see it; anyone else gets Not Found.</summary>
public sealed class JourneyAccessTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: JourneyTestApp.NoJobs);

    public Task InitializeAsync() =>
        TestBrands.CreateWithOwnerAsync(_app, "night-noodle", "noodle@example.com", "Night Noodle", "夜面");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task JourneyPage_ForAMemberOfAnotherBrand_IsNotFound()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("noodle@example.com");

        var response = await browser.Http.GetAsync("/brands/demo-tea/journey");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("Cloud Tea");
        html.ShouldNotContain("Recommended next step");
        html.ShouldNotContain("first budget of ¥5,000 requested");
    }

    [Fact]
    public async Task JourneyPage_ForTheBrandsManager_ShowsTheBoard()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await browser.Http.GetAsync("/brands/demo-tea/journey");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Cloud Tea");
        html.ShouldContain("Recommended next step");
        html.ShouldContain("Measure the burst coefficient");
        html.ShouldContain("Growth path");
        html.ShouldNotContain("only the brand's members can change its tasks");
    }

    [Fact]
    public async Task JourneyPage_ForStaff_ShowsTheBoardForViewingOnly()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("ska@demo.test");

        var response = await browser.Http.GetAsync("/brands/demo-tea/journey");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("Measure the burst coefficient");
        html.ShouldContain("only the brand's members can change its tasks");
    }

    [Fact]
    public async Task JourneyPage_SignedOut_RedirectsToSignIn()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.Http.GetAsync("/brands/demo-tea/journey");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().ToString().ShouldContain("/Account/Login");
    }
}
