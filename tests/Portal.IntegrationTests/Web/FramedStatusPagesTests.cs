using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>
/// A signed-in person's 403 and 404 keep the portal's frame (app bar with the account menu, navigation, main
/// landmark); other errors get the standalone status document (FramedStatusPages, ADR 0018).
/// </summary>
public sealed class FramedStatusPagesTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task ForbiddenPortalPage_ForASignedInBrandManager_Is403InsideTheFrame()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await browser.Http.GetAsync("/admin/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The notice itself ("Access denied") arrives with the circuit (AccessibilityJourneys visits it);
        // the prerendered answer already carries the frame.
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"account-menu\"");
        html.ShouldContain("<main");
        html.ShouldNotContain("account-shell");
    }

    [Fact]
    public async Task MissingPage_ForASignedInBrandManager_Is404InsideTheFrame()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await browser.Http.GetAsync("/no-such-page");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Page not found");
        html.ShouldContain("data-testid=\"account-menu\"");
        html.ShouldNotContain("account-shell");
    }

    [Fact]
    public async Task ForbiddenJobsDashboard_IsTheStandaloneStatusPage()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await browser.Http.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("account-shell");
    }
}
