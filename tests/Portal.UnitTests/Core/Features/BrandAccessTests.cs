using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.UnitTests.Infrastructure;

namespace Portal.UnitTests.Core.Features;

/// <summary>A brand's records are for its members and staff only.</summary>
public sealed class BrandAccessTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public async Task InitializeAsync() =>
        // A second brand with its own manager, unrelated to the demo brand.
        await TestBrands.CreateWithOwnerAsync(_app, "night-noodle", "noodle@example.com", "Night Noodle", "夜面");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task BrandPage_ForItsMember_ShowsTheBrand()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("brand@demo.test");

        var response = await browser.Http.GetAsync("/brands/demo-tea");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Cloud Tea");
    }

    [Fact]
    public async Task BrandPage_ForAMemberOfAnotherBrand_IsNotFound()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("noodle@example.com");

        var response = await browser.Http.GetAsync("/brands/demo-tea");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Cloud Tea");
    }

    [Fact]
    public async Task BrandPage_ForStaff_ShowsAnyBrand()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("ska@demo.test");

        var response = await browser.Http.GetAsync("/brands/night-noodle");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Night Noodle");
    }

    [Fact]
    public async Task BrandHome_ListsOnlyMyOwnBrands()
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("noodle@example.com");

        var html = await browser.Http.GetStringAsync("/brand");

        html.ShouldContain("Night Noodle");
        html.ShouldNotContain("Cloud Tea");
    }

    [Fact]
    public async Task Directory_FindAccessible_RefusesNonMembersAndAnonymous()
    {
        var directory = _app.Services.GetRequiredService<BrandDirectory>();
        var member = await _app.PrincipalAsync("brand@demo.test");
        var outsider = await _app.PrincipalAsync("noodle@example.com");

        (await directory.FindAccessibleAsync(member, "demo-tea")).ShouldNotBeNull().MyRole.ShouldBe(BrandMemberRole.Owner);
        (await directory.FindAccessibleAsync(outsider, "demo-tea")).ShouldBeNull();
        (await directory.FindAccessibleAsync(new System.Security.Claims.ClaimsPrincipal(), "demo-tea")).ShouldBeNull();
        (await directory.FindAccessibleAsync(member, "no-such-brand")).ShouldBeNull();
    }
}
