using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Administration;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Admin;

namespace Portal.IntegrationTests.Web.Components.Admin;

/// <summary>A real app for the admin page tests.</summary>
public sealed class AdminAppFixture : IAsyncLifetime
{
    public AdminAppFixture() => App = new() { TestServices = Reads.Install };

    public PortalAppFactory App { get; }

    /// <summary>Holds back the app's reads carrying a value, for tests of work under way (<see cref="ReadGate"/>).</summary>
    public ReadGate Reads { get; } = new();

    public async Task<Claim[]> ClaimsOfAsync(string email) =>
        (await App.PrincipalAsync(email)).Claims.ToArray();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>/admin/clients against the real services: the secret is shown once, revoking asks first.</summary>
public sealed class AdminClientsTests : PortalTestContext, IClassFixture<AdminAppFixture>
{
    private readonly AdminAppFixture _fixture;

    public AdminClientsTests(AdminAppFixture fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ApiClientAdministration>());
    }

    private async Task SignInAsAdminAsync()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@demo.test");
        auth.SetRoles(PortalRoles.Admin);
        auth.SetClaims(await _fixture.ClaimsOfAsync("admin@demo.test"));
    }

    [Fact]
    public async Task Create_ShowsTheSecretOnce_AndNotAfterItIsDismissedOrThePageIsOpenedAgain()
    {
        await SignInAsAdminAsync();
        var page = Render<AdminClients>();
        page.WaitForAssertion(() => page.FindAll("[data-testid='client-row-id']").Select(c => c.TextContent).ShouldContain("demo-feed"));

        page.Find("[data-testid='client-id'] input, input[data-testid='client-id']").Change("bunit-feed");
        page.Find("[data-testid='client-name'] input, input[data-testid='client-name']").Change("bUnit feed");
        page.Find("[data-testid='client-create']").Click();

        page.WaitForAssertion(() => page.Find("[data-testid='client-secret']").TextContent.Trim().Length.ShouldBeGreaterThanOrEqualTo(43));
        var secret = page.Find("[data-testid='client-secret']").TextContent.Trim();
        page.Find("[data-testid='success']").TextContent.ShouldContain("The client bunit-feed was created.");
        page.FindAll("[data-testid='client-row-id']").Select(c => c.TextContent).ShouldContain("bunit-feed");

        page.Find("[data-testid='client-secret-dismiss']").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid='client-secret']").ShouldBeEmpty());
        page.Markup.ShouldNotContain(secret);
        var again = Render<AdminClients>();
        again.WaitForAssertion(() => again.FindAll("[data-testid='client-row-id']").Select(c => c.TextContent).ShouldContain("bunit-feed"));
        again.Markup.ShouldNotContain(secret);
    }

    [Fact]
    public async Task Create_LimitedToABrand_ListsThatBrandAsItsScope()
    {
        await SignInAsAdminAsync();
        var page = Render<AdminClients>();
        page.WaitForAssertion(() => page.FindAll("[data-testid='client-row-id']").Select(c => c.TextContent).ShouldContain("demo-feed"));

        page.Find("[data-testid='client-id'] input, input[data-testid='client-id']").Change("tea-only-feed");
        page.Find("[data-testid='client-name'] input, input[data-testid='client-name']").Change("Tea only");
        page.Find("[data-testid='client-owner-brands'] input, input[data-testid='client-owner-brands']").Click();
        page.WaitForAssertion(() => page.Find("[data-testid='client-brands'] input, input[data-testid='client-brands']").Change("demo-tea"));
        page.Find("[data-testid='client-create']").Click();

        page.WaitForAssertion(() => page.FindAll("tr").Single(r => r.TextContent.Contains("tea-only-feed"))
            .QuerySelector("[data-testid='client-row-brands']")!.TextContent.ShouldBe("demo-tea"));
        page.FindAll("tr").Single(r => r.TextContent.Contains("demo-tea-feed") && !r.TextContent.Contains("tea-only"))
            .QuerySelector("[data-testid='client-row-brands']")!.TextContent.ShouldBe("demo-tea");
        page.FindAll("tr").Single(r => r.QuerySelector("[data-testid='client-row-id']")?.TextContent == "demo-feed")
            .QuerySelector("[data-testid='client-row-brands']")!.TextContent.ShouldBe("All brands");
    }

    [Fact]
    public async Task Create_OwnedByAProvider_ListsItAsThatProvidersBrands()
    {
        await SignInAsAdminAsync();
        var page = Render<AdminClients>();
        page.WaitForAssertion(() => page.FindAll("[data-testid='client-row-id']").Select(c => c.TextContent).ShouldContain("demo-feed"));

        await page.InvokeAsync(() => page.Find("[data-testid='client-id'] input, input[data-testid='client-id']").Change("farsail-own-feed"));
        await page.InvokeAsync(() => page.Find("[data-testid='client-name'] input, input[data-testid='client-name']").Change("Farsail feed"));
        await page.InvokeAsync(() => page.Find("[data-testid='client-owner-provider'] input, input[data-testid='client-owner-provider']").Click());
        page.WaitForAssertion(() => page.Find("[data-testid='client-provider'] input, input[data-testid='client-provider']"));
        await page.InvokeAsync(() => page.Find("[data-testid='client-provider'] input, input[data-testid='client-provider']").Change("farsail"));
        await page.InvokeAsync(() => page.Find("[data-testid='client-create']").Click());

        page.WaitForAssertion(() => page.FindAll("tr").Single(r => r.TextContent.Contains("farsail-own-feed"))
            .QuerySelector("[data-testid='client-row-brands']")!.TextContent.ShouldBe("Brands served by farsail with metrics import"));
        var owner = (await _fixture.App.Services.GetRequiredService<ApiClientAdministration>().ListAsync(await _fixture.App.PrincipalAsync("admin@demo.test")))
            .Value!.Single(c => c.ClientId == "farsail-own-feed").Owner!;
        owner.Kind.ShouldBe(ApiClientOwner.ProviderKind);
        owner.References.ShouldBe(["farsail"]);
    }

    [Fact]
    public async Task Revoke_AsksFirst_ThenRemovesTheClient()
    {
        await SignInAsAdminAsync();
        var admin = await _fixture.App.PrincipalAsync("admin@demo.test");
        (await _fixture.App.Services.GetRequiredService<ApiClientAdministration>().CreateAsync(admin, "to-revoke", "To revoke", ["metrics.read"])).Succeeded.ShouldBeTrue();
        var page = Render<AdminClients>();
        page.WaitForAssertion(() => page.FindAll("[data-testid='client-row-id']").Select(c => c.TextContent).ShouldContain("to-revoke"));
        var row = () => page.FindAll("tr").Single(r => r.TextContent.Contains("to-revoke"));

        row().QuerySelector("[data-testid='client-revoke']")!.Click();
        page.WaitForAssertion(() => row().TextContent.ShouldContain("Revoke this client and its tokens?"));
        row().QuerySelector("[data-testid='client-revoke-confirm']")!.Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid='client-row-id']").Select(c => c.TextContent).ShouldNotContain("to-revoke"));
        page.Find("[data-testid='success']").TextContent.ShouldContain("to-revoke was revoked");
    }

    [Fact]
    public async Task Page_ForAnOperatorPrincipal_ShowsTheRefusalAndNoClients()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ska@demo.test");
        auth.SetRoles(PortalRoles.SkaOperator);
        auth.SetClaims(await _fixture.ClaimsOfAsync("ska@demo.test"));

        var page = Render<AdminClients>();

        page.WaitForAssertion(() => page.Find("[data-testid='errors']").TextContent.ShouldContain("Only administrators may do this."));
        page.FindAll("[data-testid='client-row-id']").ShouldBeEmpty();
    }
}
