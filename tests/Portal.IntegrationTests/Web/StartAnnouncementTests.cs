using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Faults;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>
/// README's first command, <c>dotnet run --project src/Portal.Web</c>, promises that the portal prints where to sign in:
/// the built portal, started as a process in Development with the demo data, writes its address and a demo login for
/// each kind of person with the password.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Engine", "Sqlite")]
public sealed class StartAnnouncementTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task StartedWithDemoData_PrintsItsAddress_AndADemoLoginForEachRole_WithThePassword()
    {
        await using var portal = new PortalProcess(_directory.Path);
        await portal.StartAsync();

        var announced = await PortalProcess.EventuallyAsync(() => Task.FromResult(portal.Log.Contains("/Account/Login as ")), TimeSpan.FromSeconds(10));
        announced.ShouldBeTrue($"no sign-in line in the portal's output:\n{portal.Log}");
        var line = portal.Log.Split('\n').Single(l => l.Contains("/Account/Login as "));
        line.ShouldContain($"{portal.BaseUrl.ToString().TrimEnd('/')}/Account/Login");
        foreach (var login in new[] { DemoData.BrandManagerEmail, DemoData.OperatorEmail, DemoData.AdminEmail, DemoData.ProviderManagerEmail })
        {
            line.ShouldContain(login);
        }

        line.ShouldContain(new SeedOptions().DemoPassword);
    }
}
