using Bunit;
using Microsoft.AspNetCore.Components;
using Portal.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Web.Components.Layout;

namespace Portal.UnitTests.Web.Components;

public sealed class NavMenuTests : PortalTestContext
{
    public NavMenuTests()
    {
        // The brand-manager part looks up the person's brands; these principals carry no user id, so it finds none
        // without opening the database (BrandSectionsNavTests covers a manager with brands).
        Services.AddDbContextFactory<PortalDbContext>(options => options.UseSqlite("Data Source=:memory:"));
        Services.AddSingleton<BrandDirectory>();
    }

    private IReadOnlyList<string> LinkTexts(params string[] roles)
    {
        var auth = AddAuthorization();
        if (roles.Length > 0)
        {
            auth.SetAuthorized("someone@example.com");
            auth.SetRoles(roles);
        }

        var menu = Render<NavMenu>();
        return menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public void Anonymous_SeesHomeSignInAndRegister()
    {
        LinkTexts().ShouldBe(["Home", "Sign in", "Register"]);
    }

    [Fact]
    public void BrandManager_SeesMyBrandButNoStaffLinks()
    {
        LinkTexts(PortalRoles.BrandManager).ShouldBe(["Home", "My brand", "Apply as a service provider"]);
    }

    [Fact]
    public void SkaOperator_SeesOperationsAndJobs()
    {
        LinkTexts(PortalRoles.SkaOperator).ShouldBe(["Home", "Operations", "Portfolio", "Applications", "Document review", "Service providers", "Import store figures", "Background jobs"]);
    }

    [Fact]
    public void Admin_SeesOperationsJobsAndAdministration()
    {
        LinkTexts(PortalRoles.Admin).ShouldBe(["Home", "Operations", "Portfolio", "Applications", "Document review", "Service providers", "Import store figures", "Background jobs", "Administration", "Users", "API clients", "Audit log"]);
    }

    [Fact]
    public void ProviderPerson_SeesTheProviderLinks_AndNoApplicationOrStaffLinks()
    {
        LinkTexts(PortalRoles.Provider).ShouldBe(["Home", "Brands I serve", "Scorecard", "Provider people"]);
    }

    [Fact]
    public void JobsLink_LeavesTheBlazorRouter()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ska@demo.test");
        auth.SetRoles(PortalRoles.SkaOperator);

        var jobs = Render<NavMenu>().FindAll("a").Single(a => a.TextContent.Trim() == "Background jobs");

        jobs.GetAttribute("href").ShouldBe("/jobs");
        jobs.GetAttribute("target").ShouldBe("_top");
    }

    [Fact]
    public void ActiveLink_FollowsTheLocation()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("ska@demo.test");
        auth.SetRoles(PortalRoles.SkaOperator);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/ops/portfolio");
        var menu = Render<NavMenu>();
        string Current() => menu.Find("a[aria-current='page']").TextContent.Trim();

        var before = Current();
        navigation.NavigateTo("/ops/documents");

        before.ShouldBe("Portfolio");
        menu.WaitForAssertion(() => Current().ShouldBe("Document review"));
        menu.FindAll("a.active").Count.ShouldBe(1);
    }
}
