namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The test process runs without tiered PGO (docs/TESTING.md, "Speed of the unit-test process"), and that setting
/// stays in the test project: the portal as shipped, which the E2E and fault tests start, keeps the runtime's default.
/// The portal's minimal APIs are generated at build time, not compiled from expression trees by each host.
/// </summary>
public sealed class TestProcessSettingsTests
{
    [Fact]
    public void TheTestProcess_RunsWithoutTieredPgo()
    {
        AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var on).ShouldBeTrue("the test project's runtimeconfig.json sets it");
        on.ShouldBeFalse();
    }

    [Fact]
    public void ThePortalAsShipped_LeavesTieredPgoToTheRuntime()
    {
        // Portal.Web's own runtimeconfig.json, copied beside its assembly into this project's output.
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Portal.Web.runtimeconfig.json"));

        config.ShouldContain("\"configProperties\"");
        config.ShouldNotContain("TieredPGO");
    }

    [Fact]
    public void ThePortalsMinimalApis_AreGeneratedAtBuildTime()
    {
        // The Request Delegate Generator (EnableRequestDelegateGenerator in Portal.Web.csproj) emits these interceptors.
        typeof(Portal.Web.PortalWebExtensions).Assembly.GetTypes()
            .ShouldContain(type => type.FullName!.Contains("GeneratedRouteBuilderExtensions", StringComparison.Ordinal));
    }
}
