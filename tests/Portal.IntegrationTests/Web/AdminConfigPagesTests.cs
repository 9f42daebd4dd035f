using System.Net;
using Portal.IntegrationTests.Core.Features.AdminConfig;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web;

/// <summary>The configuration editors' pages: shown to administrators, refused (403) to staff and brand managers.</summary>
public sealed class AdminConfigPagesTests(AdminConfigFixture fixture) : IClassFixture<AdminConfigFixture>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/admin/categories", "Categories" },
        { "/admin/requirements", "Recognised agencies" },
        { "/admin/playbook", "Playbook tasks" },
        { "/admin/milestones", "Milestone definitions" },
        { "/admin/reasons", "Document review reasons" },
        { "/admin/settings", "Tier thresholds and review SLA" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EditorPage_ForAnAdmin_IsShown_AndForOthersIsForbidden(string route, string heading)
    {
        using var admin = new BrowserClient(fixture.App);
        await admin.SignInAsync(AdminConfigTestApp.Admin);
        using var staff = new BrowserClient(fixture.App);
        await staff.SignInAsync(AdminConfigTestApp.Operator);
        using var brand = new BrowserClient(fixture.App);
        await brand.SignInAsync(AdminConfigTestApp.BrandManager);

        var shown = await admin.Http.GetAsync(route);

        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync()).ShouldContain(heading);
        (await staff.Http.GetAsync(route)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await brand.Http.GetAsync(route)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminHome_LinksToEveryEditor()
    {
        using var admin = new BrowserClient(fixture.App);
        await admin.SignInAsync(AdminConfigTestApp.Admin);

        var html = await admin.Http.GetStringAsync("/admin");

        foreach (var route in Pages.Select(row => (string)row[0]))
        {
            html.ShouldContain($"href=\"{route}\"");
        }
    }
}
