using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features;

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
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Cloud Tea");
        // The overview says where the brand stands in each part of its journey.
        html.ShouldContain("Approved");
        html.ShouldMatch(@"\d+% done · next: ");
        html.ShouldContain("New store");
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

/// <summary>Every brand-owned page of the application and members features refuses other brands' members.</summary>
public sealed class BrandPagesAccessTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    public static TheoryData<string> BrandRoutes => new() { "/brands/demo-tea", "/brands/demo-tea/application", "/brands/demo-tea/members" };

    public Task InitializeAsync() => TestBrands.CreateWithOwnerAsync(_app, "night-noodle", "noodle@example.com", "Night Noodle", "夜面");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Theory]
    [MemberData(nameof(BrandRoutes))]
    public async Task BrandRoute_ForAMemberOfAnotherBrand_IsNotFound(string route)
    {
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync("noodle@example.com");

        var response = await browser.Http.GetAsync(route);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Cloud Tea");
    }

    [Theory]
    [MemberData(nameof(BrandRoutes))]
    public async Task BrandRoute_ForItsOwnerAndForStaff_Opens(string route)
    {
        using var owner = new BrowserClient(_app);
        await owner.SignInAsync("brand@demo.test");
        using var staff = new BrowserClient(_app);
        await staff.SignInAsync("ska@demo.test");

        (await owner.Http.GetAsync(route)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seenByStaff = await staff.Http.GetAsync(route);
        seenByStaff.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await seenByStaff.Content.ReadAsStringAsync()).ShouldContain("Cloud Tea");
    }

    [Fact]
    public async Task ApplicationsQueue_ForABrandManager_IsRefused_AndForStaffListsTheSubmittedBrand()
    {
        using var manager = new BrowserClient(_app);
        await manager.SignInAsync("brand@demo.test");
        using var staff = new BrowserClient(_app);
        await staff.SignInAsync("ska@demo.test");

        (await manager.Http.GetAsync("/ops/applications")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var queue = await staff.Http.GetStringAsync("/ops/applications");
        queue.ShouldContain("Silver Moon");
        queue.ShouldNotContain("Cloud Tea"); // approved long ago, not waiting
    }
}
