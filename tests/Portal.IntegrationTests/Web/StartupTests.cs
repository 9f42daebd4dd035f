using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

public sealed class StartupTests
{
    [Fact]
    public async Task Production_WithoutCertificates_RefusesToStartAndNamesTheSetting()
    {
        await using var app = new PortalAppFactory(environment: "Production");

        var error = app.RefusedStart();

        error.Message.ShouldContain("Auth:SigningCertificatePath");
        error.Message.ShouldContain("Auth:EncryptionCertificatePath");
    }

    [Fact]
    public async Task Production_WithAMissingCertificateFile_SaysWhichFile()
    {
        await using var app = new PortalAppFactory(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Auth:SigningCertificatePath"] = "/nowhere/signing.pfx",
            ["Auth:EncryptionCertificatePath"] = "/nowhere/encryption.pfx",
        });

        var error = app.RefusedStart();

        error.Message.ShouldContain("/nowhere/signing.pfx");
    }

    [Fact]
    public async Task Production_WithAClockStart_RefusesToStartAndNamesTheSetting()
    {
        using var directory = new TempDirectory();
        var settings = PortalAppFactory.ProductionSettings(directory);
        settings["Clock:Start"] = "2026-11-16T10:00:00+08:00";
        await using var app = new PortalAppFactory(directory, "Production", settings);

        var error = app.RefusedStart();

        error.Message.ShouldContain("Setting 'Clock:Start' is for test hosts");
    }

    [Fact]
    public async Task Development_WithAClockStart_ShowsThatInstantAsNow()
    {
        await using var app = new PortalAppFactory();

        _ = app.CreateClient();

        (app.Clock.GetUtcNow() - TestClock.Start).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Start_WithSmtpModeButNoHost_RefusesAndNamesTheSetting()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Email:Mode"] = "Smtp" });

        var error = app.RefusedStart();

        error.Message.ShouldContain("Email:Smtp:Host");
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Health_LiveAndReady_AreHealthyOnceMigrated()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        File.Exists(app.DatabasePath).ShouldBeTrue("the configured SQLite file is the one in use");
    }

    [Fact]
    public async Task Responses_CarryACorrelationId_AndEchoASaneOne()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-ID", "feed-batch-42");

        var echoed = await client.SendAsync(request);
        var generated = await client.GetAsync("/health/live");

        echoed.Headers.GetValues("X-Correlation-ID").Single().ShouldBe("feed-batch-42");
        generated.Headers.GetValues("X-Correlation-ID").Single().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task UnknownApiRoute_IsProblemDetails_AndUnknownPage_IsAPage()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var api = await client.GetAsync("/api/v1/nothing-here");
        var page = await client.GetAsync("/nothing-here");

        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task UnknownPost_Is404NotMethodNotAllowed()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var api = await client.PostAsync("/api/v1/nothing-here", null);
        var page = await client.PostAsync("/nothing/here", null);

        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }
}
