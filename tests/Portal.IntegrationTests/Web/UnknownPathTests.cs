using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>Finding 9: unknown addresses are 404 for every method, not 405.</summary>
public sealed class UnknownPathTests
{
    /// <summary>
    /// The app as it runs outside the test host: there MapStaticAssets has no runtime fallback route
    /// for missing files, which under WebApplicationFactory answered unknown GETs and hid the 405s.
    /// </summary>
    private static PortalAppFactory AppWithoutAssetFallback() =>
        new(settings: new Dictionary<string, string?> { ["DisableStaticAssetNotFoundRuntimeFallback"] = "true" });

    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("GET", "/nope/deeper.json")]
    [InlineData("POST", "/nope")]
    [InlineData("PUT", "/api/v1/nothing-here")]
    [InlineData("DELETE", "/styles/site.css")]
    public async Task UnknownPath_AnyMethod_Is404(string method, string path)
    {
        await using var app = AppWithoutAssetFallback();
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task KnownPath_WithTheWrongMethod_IsStill405()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/metrics/daily");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Favicon_Ico_IsServed()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var response = await client.GetAsync("/favicon.ico");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Take(4).ShouldBe(new byte[] { 0, 0, 1, 0 });
    }

    [Fact]
    public async Task TestingClock_InProduction_GetAndPost_Are404()
    {
        using var directory = new TempDirectory();
        var settings = PortalAppFactory.ProductionSettings(directory);
        settings["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        await using var app = new PortalAppFactory(directory, "Production", settings);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var get = await client.GetAsync("/testing/clock");
        var post = await client.PostAsync("/testing/clock", null);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
