using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Links;
using Portal.Core.Features.Seeding;
using Portal.Web.Components.Pages.Admin;

namespace Portal.IntegrationTests.Web.Components.Admin;

/// <summary>/admin/users against the real services: the role to list comes from the address or the drop-down.</summary>
public sealed class AdminUsersTests : PortalTestContext, IClassFixture<AdminAppFixture>
{
    private readonly AdminAppFixture _fixture;

    public AdminUsersTests(AdminAppFixture fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<UserAdministration>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<PublicLinks>());
    }

    private async Task SignInAsAdminAsync()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoData.AdminEmail);
        auth.SetRoles(PortalRoles.Admin);
        auth.SetClaims(await _fixture.ClaimsOfAsync(DemoData.AdminEmail));
    }

    private static IReadOnlyList<string> Rows(IRenderedComponent<AdminUsers> page) =>
        page.FindAll("tr.user-row").Select(row => row.TextContent).ToList();

    private static IRenderedComponent<MudSelect<string>> RoleFilter(IRenderedComponent<AdminUsers> page) =>
        page.FindComponents<MudSelect<string>>()
            .Single(select => select.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == "users-role-filter");

    [Fact]
    public async Task RoleChosenInTheList_IsWrittenToTheAddress_AndKeptWhenThePageIsGivenItsOldAddressAgain()
    {
        await SignInAsAdminAsync();
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/admin/users?role=Provider");
        var page = Render<AdminUsers>();
        page.WaitForAssertion(() => Rows(page).ShouldContain(row => row.Contains(DemoData.ProviderManagerEmail)));
        Rows(page).ShouldNotContain(row => row.Contains(DemoData.AdminEmail));

        await page.InvokeAsync(() => RoleFilter(page).Instance.ValueChanged.InvokeAsync(PortalRoles.Admin));

        page.WaitForAssertion(() => Rows(page).ShouldContain(row => row.Contains(DemoData.AdminEmail)));
        Rows(page).ShouldNotContain(row => row.Contains(DemoData.ProviderManagerEmail));
        JSInterop.Invocations["portal.replaceAddress"].Single().Arguments.ShouldBe(["http://localhost/admin/users?role=Admin"]);

        // The address was written without telling the router, so the page's parameters still say Provider when
        // something gives them again (the router, or a cascading value such as the sign-in state): the choice stays.
        page.Render();
        RoleFilter(page).Find("input").GetAttribute("value").ShouldBe(PortalRoles.Admin);
        page.WaitForAssertion(() => Rows(page).ShouldContain(row => row.Contains(DemoData.AdminEmail)));
        Rows(page).ShouldNotContain(row => row.Contains(DemoData.ProviderManagerEmail));
    }
}
