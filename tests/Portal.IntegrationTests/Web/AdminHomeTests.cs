using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Seeding;
using Portal.Core.Formatting;
using Portal.IntegrationTests.Core.Features.AdminConfig;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>The admin home over HTTP: the accounts as figures that open their lists, never the accounts themselves.</summary>
public sealed class AdminHomeTests(AdminConfigFixture fixture) : IClassFixture<AdminConfigFixture>
{
    [Fact]
    public async Task AdminHome_ShowsHowManyAccountsEachRoleHas_EachLinkingToItsList_WithoutListingAnyone()
    {
        using var admin = new BrowserClient(fixture.App);
        await admin.SignInAsync(AdminConfigTestApp.Admin);

        var html = WebUtility.HtmlDecode(await admin.Http.GetStringAsync("/admin"));

        var total = await fixture.App.WithDbAsync(db => db.Users.CountAsync());
        html.ShouldContain("data-testid=\"admin-account-counts\"");
        html.ShouldContain($"data-testid=\"account-count-all\"");
        html.ShouldContain($">{Figures.Count(total)}</span>");
        html.ShouldContain("href=\"/admin/users\"");
        foreach (var role in PortalRoles.All)
        {
            html.ShouldContain($"href=\"/admin/users?role={role}\"");
        }

        // The page used to list every account; the accounts are the users list's, a page at a time.
        html.ShouldNotContain(DemoData.ProviderOperatorEmail);
        html.ShouldNotContain(DemoData.BrandManagerEmail);
    }

    [Fact]
    public async Task AdminHome_ForStaffAndBrandManagers_IsForbidden()
    {
        foreach (var email in new[] { AdminConfigTestApp.Operator, AdminConfigTestApp.BrandManager })
        {
            using var browser = new BrowserClient(fixture.App);
            await browser.SignInAsync(email);
            (await browser.Http.GetAsync("/admin")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
        }
    }
}
