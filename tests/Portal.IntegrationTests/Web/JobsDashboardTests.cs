using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

public sealed class JobsDashboardTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Jobs_ForBrandManager_Is403WithARealPage()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await browser.Http.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<h1");
        html.ShouldContain("Access denied");
    }

    [Theory]
    [InlineData("ska@demo.test")]
    [InlineData("admin@demo.test")]
    public async Task Jobs_ForStaff_ShowsTheHangfireDashboard(string email)
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(email);

        var response = await browser.Http.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("STEPS Portal jobs");
    }

    [Fact]
    public async Task Jobs_ForAnonymous_RedirectsToSignIn()
    {
        using var browser = new BrowserClient(_app);

        var response = await browser.Http.GetAsync("/jobs");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task StaffPages_ForBrandManager_AreRefused()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var ops = await browser.Http.GetAsync("/ops");
        var admin = await browser.Http.GetAsync("/admin");

        ops.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        admin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
