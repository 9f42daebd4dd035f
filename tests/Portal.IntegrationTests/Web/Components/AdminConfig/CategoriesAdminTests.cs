using Bunit;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.AdminConfig;
using Portal.IntegrationTests.Core.Features.AdminConfig;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.AdminConfig;

namespace Portal.IntegrationTests.Web.Components.AdminConfig;

/// <summary>The categories editor page against the real service and SQLite: validation messages at the fields, a saved row in the list.</summary>
public sealed class CategoriesAdminTests : PortalTestContext, IClassFixture<AdminConfigFixture>
{
    private readonly PortalAppFactory _app;

    public CategoriesAdminTests(AdminConfigFixture fixture)
    {
        _app = fixture.App;
        Services.AddSingleton(_app.Service<CategoryAdminService>());
        Services.AddSingleton(_app.Service<IValidator<CategoryForm>>());
    }

    // The real admin's sign-in: the editors check the account in the database, not only the role on the sign-in.
    private async Task<IRenderedComponent<CategoriesAdmin>> RenderFormAsync()
    {
        SignInAs(await _app.AdminAsync(), PortalRoles.Admin);
        var page = Render<CategoriesAdmin>();
        page.WaitForAssertion(() => page.Find("[data-testid='config-rows']").TextContent.ShouldContain("food"));
        page.Find("[data-testid='config-add']").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid='config-form'] input").Count.ShouldBeGreaterThanOrEqualTo(4));
        return page;
    }

    [Fact]
    public async Task Save_OfAnEmptyForm_ShowsEachFieldsMessage_AndSavesNothing()
    {
        var page = await RenderFormAsync();

        page.Find("[data-testid='config-form'] form").Submit();

        page.WaitForAssertion(() =>
        {
            var text = page.Find("[data-testid='config-form']").TextContent;
            text.ShouldContain("Code is required.");
            text.ShouldContain("Name (Chinese) is required.");
            text.ShouldContain("Name (English) is required.");
        });
        page.FindAll("[data-testid='success']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_OfAValidForm_ClosesItAndListsTheNewCategory()
    {
        var code = $"ui-{Guid.NewGuid().ToString("N")[..8]}";
        var page = await RenderFormAsync();
        var inputs = page.FindAll("[data-testid='config-form'] input");
        inputs[0].Change("Not A Slug");

        page.WaitForAssertion(() => page.Find("[data-testid='config-form']").TextContent
            .ShouldContain("The code may contain only lower-case letters, digits and single hyphens"));

        page.FindAll("[data-testid='config-form'] input")[0].Change(code);
        page.FindAll("[data-testid='config-form'] input")[2].Change("界面类目");
        page.FindAll("[data-testid='config-form'] input")[3].Change("UI category");
        page.Find("[data-testid='config-form'] form").Submit();

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid='success']").TextContent.ShouldBe("Saved.");
            page.FindAll("[data-testid='config-form']").ShouldBeEmpty();
            page.Find("[data-testid='config-rows']").TextContent.ShouldContain(code);
        });
    }
}
