using System.Security.Claims;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Live;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Applications;

namespace Portal.IntegrationTests.Web.Components.Applications;

/// <summary>
/// The application page against the real services, with its parameters set again as the router does when a cascading
/// value (the sign-in state) comes anew: the person's unsaved edits stay; another brand's code shows that brand.
/// </summary>
public sealed class ApplicationPageTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private const string Edited = "Edited, not saved";
    private readonly DelegationApp _fixture;

    public ApplicationPageTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<BrandDirectory>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ILiveUpdates>());
        Services.AddSingleton(fixture.Service<ApplicationQueryService>());
        Services.AddSingleton(fixture.Service<ApplicationProfileService>());
        Services.AddSingleton(fixture.Service<ApplicationWorkflowService>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task ParametersSetAgain_ForTheSameBrand_KeepTheUnsavedEdits()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("app");
        var page = RenderAs(owner, code);
        page.WaitForAssertion(() => NameEn(page).ShouldNotBeNull());
        NameEn(page)!.Change(Edited);
        page.WaitForAssertion(() => NameEn(page)!.Value.ShouldBe(Edited));

        // A reload reads the brand by its code: held here, any read the renders start is counted, however slow.
        using (var reads = _fixture.Reads.Hold(code))
        {
            for (var again = 0; again < 3; again++)
            {
                page.Render(p => p.Add(x => x.Code, code));
                await page.InvokeAsync(() => { });
            }

            await Task.Delay(300);
            reads.Waiting.ShouldBe(0, "setting the same brand's parameters again must not read the application again");
        }

        NameEn(page)!.Value.ShouldBe(Edited);
    }

    [Fact]
    public async Task AnotherBrandsCode_ShowsThatBrandsProfile()
    {
        var (first, _, owner) = await _fixture.NewBrandAsync("app");
        var (second, _) = await _fixture.SecondBrandAsync(first);
        var page = RenderAs(owner, first);
        page.WaitForAssertion(() => NameEn(page)!.Value.ShouldBe(first));
        NameEn(page)!.Change(Edited);

        page.Render(p => p.Add(x => x.Code, second));

        page.WaitForAssertion(() => NameEn(page)!.Value.ShouldBe(second));
    }

    [Fact]
    public async Task AnotherBrandsCode_ShowsProgress_NotThePreviousForm_WhileItsApplicationIsRead()
    {
        var (first, _, owner) = await _fixture.NewBrandAsync("app");
        var (second, secondId) = await _fixture.SecondBrandAsync(first);
        var page = RenderAs(owner, first);
        page.WaitForAssertion(() => NameEn(page)!.Value.ShouldBe(first));

        // The brand's frame reads the brand by its code; the application's reads after that carry the brand's id.
        using (var slow = _fixture.Reads.Hold(secondId))
        {
            page.Render(p => p.Add(x => x.Code, second));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldContain(second));
            page.FindAll("input").ShouldBeEmpty();
            page.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
        }

        page.WaitForAssertion(() => NameEn(page)!.Value.ShouldBe(second));
        page.FindAll(".mud-progress-linear").ShouldBeEmpty();
    }

    [Fact]
    public async Task ASaveFinishingAfterASwitch_SavesItsOwnBrand_AndLeavesTheOtherBrandsPageAlone()
    {
        var (first, firstId, owner) = await _fixture.NewBrandAsync("app");
        var (second, secondId) = await _fixture.SecondBrandAsync(first);
        var page = RenderAs(owner, first);
        page.WaitForAssertion(() => NameEn(page)!.Value.ShouldBe(first));
        NameEn(page)!.Change(Edited);

        // The save's first read carries the first brand's code: it waits while the page moves to the second brand.
        using var slow = _fixture.Reads.Hold(first);
        var saving = page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickAsync(new());
        await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        page.Render(p => p.Add(x => x.Code, second));
        page.WaitForAssertion(() => NameEn(page)!.Value.ShouldBe(second));

        await slow.LandAsync(() =>
        {
            page.Markup.ShouldNotContain("Saved.");
            NameEn(page)!.Value.ShouldBe(second);
        });
        await saving;

        var names = await _fixture.App.WithDbAsync(db => db.Brands.Where(b => b.Id == firstId || b.Id == secondId).ToDictionaryAsync(b => b.Id, b => b.NameEn));
        names[firstId].ShouldBe(Edited);
        names[secondId].ShouldBe(second);
    }

    // The profile form's English name (its second text field).
    private static IHtmlInputElement? NameEn(IRenderedComponent<ApplicationPage> page) =>
        page.FindAll("input").OfType<IHtmlInputElement>().Where(i => i.Type == "text").Skip(1).FirstOrDefault();

    private IRenderedComponent<ApplicationPage> RenderAs(ClaimsPrincipal user, string code)
    {
        SignInAs(user, PortalRoles.BrandManager);
        return Render<ApplicationPage>(p => p.Add(x => x.Code, code));
    }
}
