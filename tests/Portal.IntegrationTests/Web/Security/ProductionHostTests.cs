using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>Production needs its public address, and answers only to its host.</summary>
public sealed class ProductionHostTests
{
    private static Dictionary<string, string?> Certificates(TempDirectory directory) => new()
    {
        ["Auth:SigningCertificatePath"] = PortalAppFactory.CreateCertificate(directory, "signing"),
        ["Auth:SigningCertificatePassword"] = "test",
        ["Auth:EncryptionCertificatePath"] = PortalAppFactory.CreateCertificate(directory, "encryption"),
        ["Auth:EncryptionCertificatePassword"] = "test",
    };

    [Fact]
    public async Task Production_WithoutPublicBaseUrl_RefusesToStartAndNamesTheSetting()
    {
        using var directory = new TempDirectory();
        await using var app = new PortalAppFactory(directory, "Production", Certificates(directory));

        var error = app.RefusedStart();

        error.Message.ShouldContain("Portal:PublicBaseUrl");
    }

    [Fact]
    public async Task PublicBaseUrl_ThatIsNotAnHttpAddress_RefusesToStartAndNamesTheSetting()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Portal:PublicBaseUrl"] = "portal.example.com" });

        var error = app.RefusedStart();

        error.Message.ShouldContain("Portal:PublicBaseUrl");
    }

    [Fact]
    public async Task Production_AnswersOnlyToThePublicHost()
    {
        using var directory = new TempDirectory();
        var settings = Certificates(directory);
        settings["Portal:PublicBaseUrl"] = "https://portal.example.com";
        await using var app = new PortalAppFactory(directory, "Production", settings);

        var hostile = await app.CreateClient(new() { BaseAddress = new Uri("http://attacker.example/") }).GetAsync("/health/live");
        var ours = await app.CreateClient(new() { BaseAddress = new Uri("https://portal.example.com/") }).GetAsync("/health/live");

        hostile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ours.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
