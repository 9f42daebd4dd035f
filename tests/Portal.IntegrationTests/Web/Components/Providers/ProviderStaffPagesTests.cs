using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Providers;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>Staff's provider pages over the real services and the demo providers.</summary>
public sealed class ProviderStaffPagesTests : PortalTestContext, IClassFixture<ProvidersApp>
{
    private readonly ProvidersApp _fixture;

    public ProviderStaffPagesTests(ProvidersApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Directory);
        Services.AddSingleton(fixture.Decisions);
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ProviderSuspension>());
        Services.AddSingleton(fixture.Registration);
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ProviderScorecardService>());
    }

    private async Task SignInAsStaffAsync()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoData.OperatorEmail);
        auth.SetRoles(PortalRoles.SkaOperator);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, (await _fixture.UserIdAsync(DemoData.OperatorEmail)).ToString()));
    }

    /// <summary>A MudBlazor text field's input: the test id sits on the input or on its wrapper, by component version.</summary>
    private static AngleSharp.Dom.IElement Field<T>(IRenderedComponent<T> page, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea");

    private static IReadOnlyList<string> Row(IRenderedComponent<ProvidersPage> page, string code) =>
        page.FindAll("[data-testid='providers-table'] tbody tr")
            .Single(tr => tr.QuerySelector("[data-testid='provider-link']")!.GetAttribute("href") == $"/ops/providers/{code}")
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task ProviderPage_SuspendsAnActiveProviderWithAReason_ThenReinstatesIt()
    {
        var (code, _) = await _fixture.ActiveAsync();
        await SignInAsStaffAsync();
        var page = Render<ProviderPage>(p => p.Add(x => x.Code, code));
        page.WaitForAssertion(() => page.Find("[data-testid='provider-suspend']"));

        await page.InvokeAsync(() => page.Find("[data-testid='suspend-submit']").Click());
        page.WaitForAssertion(() => page.Markup.ShouldContain("Give a reason for suspending the provider"));
        await page.InvokeAsync(() => Field(page, "suspend-reason").Change("Same certificate uploaded at two unrelated brands."));
        await page.InvokeAsync(() => page.Find("[data-testid='suspend-submit']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='provider-status']").TextContent.ShouldBe("Suspended"));
        page.Find("[data-testid='suspended-reason']").TextContent.ShouldBe("Staff's reason: Same certificate uploaded at two unrelated brands.");
        page.Find("[data-testid='success']").TextContent.ShouldBe("Suspended: its people and the brands it serves have been told.");

        await page.InvokeAsync(() => page.Find("[data-testid='reinstate-submit']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='provider-status']").TextContent.ShouldBe("Active"));
        page.FindAll("[data-testid='provider-suspended']").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PortalCultures.English, "Farsail Operations", "Traffic marketing", "Active")]
    [InlineData(PortalCultures.Chinese, "远帆代运营", "流量营销", "已启用")]
    public async Task List_ShowsTheDemoProvidersInTheReadersLanguage_WithChipsAndCounts(string culture, string name, string capability, string status)
    {
        UseCulture(culture);
        await SignInAsStaffAsync();

        var page = Render<ProvidersPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid='provider-link']").Count.ShouldBeGreaterThanOrEqualTo(2));
        var farsail = Row(page, DemoData.ProviderCode);
        farsail[0].ShouldBe(name);
        farsail[1].ShouldBe(DemoData.ProviderCode);
        farsail[2].ShouldContain(capability);
        farsail[3].ShouldBe(status);
        farsail[4].ShouldBe("2");
        farsail[5].ShouldBe("1");
        Row(page, DemoData.SmallProviderCode)[4].ShouldBe("1");
    }

    [Fact]
    public async Task List_PutsApplicationsFirst_AndFiltersByStatus()
    {
        var (applied, _) = await _fixture.AppliedAsync();
        await SignInAsStaffAsync();
        var page = Render(builder =>
        {
            builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ProvidersPage>(1);
            builder.CloseComponent();
        });
        page.WaitForAssertion(() => page.FindAll("[data-testid='provider-link']").Count.ShouldBeGreaterThanOrEqualTo(3));
        page.FindAll("[data-testid='provider-status']")[0].TextContent.ShouldBe("Applied");
        page.FindAll("[data-testid='provider-link']").Select(a => a.GetAttribute("href")).ShouldContain($"/ops/providers/{applied}");

        var select = page.FindComponent<MudBlazor.MudSelect<ProviderStatus?>>();
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ProviderStatus.Active));

        page.WaitForAssertion(() => page.FindAll("[data-testid='provider-status']").Select(s => s.TextContent).Distinct().ShouldBe(["Active"]));
        page.FindAll("[data-testid='provider-link']").Select(a => a.GetAttribute("href")).ShouldNotContain($"/ops/providers/{applied}");
    }

    [Fact]
    public async Task ProviderPage_ShowsDetailsPeopleBrandsServedAndTheScorecardPlace()
    {
        await SignInAsStaffAsync();

        var page = Render<ProviderPage>(p => p.Add(c => c.Code, DemoData.ProviderCode));

        page.WaitForAssertion(() => page.Find("[data-testid='provider-header'] h1").TextContent.ShouldBe(DemoData.ProviderNameEn));
        page.Find("[data-testid='capability-chips']").TextContent.ShouldContain("Live-stream operations");
        page.Find("[data-testid='provider-contact']").TextContent.ShouldContain(DemoData.ProviderManagerEmail);
        var current = page.Find("[data-testid='delegations-current']").TextContent;
        current.ShouldContain(DemoData.BrandNameEn);
        page.FindAll("[data-testid='delegations-current'] [data-testid='delegation-areas'] .mud-chip").Select(c => c.TextContent.Trim())
            .ShouldBe(["Stream plans", "STEPS tasks", "Metrics import"]);
        current.ShouldContain("until revoked");
        page.Find("[data-testid='provider-members-table']").TextContent.ShouldContain(DemoData.ProviderOperatorEmail);
        // The scorecard reads its figures after the page's own load.
        page.WaitForAssertion(() => page.FindAll("[data-testid='provider-scorecard']").Count.ShouldBe(1));
        page.FindAll("[data-testid='provider-decision']").ShouldBeEmpty();
    }

    [Fact]
    public async Task ProviderPage_OfAnApplication_RejectsOnlyWithAReason_ThenShowsTheDecision()
    {
        var (code, manager) = await _fixture.AppliedAsync();
        await SignInAsStaffAsync();
        var page = Render<ProviderPage>(p => p.Add(c => c.Code, code));
        page.WaitForAssertion(() => page.Find("[data-testid='provider-decision']"));

        await page.InvokeAsync(() => page.Find("[data-testid='decision-reject']").Click());
        page.WaitForAssertion(() => page.Find("[data-testid='errors']").TextContent.ShouldBe("Give a reason for rejecting the application."));

        await page.InvokeAsync(() => Field(page, "decision-reason").Change("Licence missing."));
        await page.InvokeAsync(() => page.Find("[data-testid='decision-reject']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='success']").TextContent.ShouldBe("Rejected: the applicant has been told."));
        // The page reads the provider again after the decision.
        page.WaitForAssertion(() => page.Find("[data-testid='provider-status']").TextContent.ShouldBe("Rejected"));
        page.FindAll("[data-testid='provider-decision']").ShouldBeEmpty();
        (await _fixture.Registration.MineAsync(await _fixture.PrincipalAsync(manager)))!.DecisionReason.ShouldBe("Licence missing.");
    }

    [Fact]
    public async Task RegisterPage_WithNothingFilledIn_ShowsEveryProblem_AndRegistersNothing()
    {
        await SignInAsStaffAsync();
        var page = Render<ProviderRegisterPage>();

        await page.InvokeAsync(() => page.Find("[data-testid='register-submit']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='errors']").TextContent.ShouldContain("Choose at least one of the five capabilities."));
        page.Find("[data-testid='errors']").TextContent.ShouldContain("Company name is required.");
        Services.GetRequiredService<BunitNavigationManager>().Uri.ShouldNotContain("/ops/providers/");
    }

    [Fact]
    public async Task RegisterPage_WithAFullForm_RegistersAndOpensTheProvider()
    {
        await SignInAsStaffAsync();
        var code = ProvidersApp.Unique("ui");
        var page = Render<ProviderRegisterPage>();

        await page.InvokeAsync(() => Field(page, "provider-name-zh").Change("界面服务商"));
        await page.InvokeAsync(() => Field(page, "provider-name-en").Change("UI Provider"));
        await page.InvokeAsync(() => Field(page, "provider-code").Change(code));
        await page.InvokeAsync(() => Field(page, "provider-company").Change("界面有限公司"));
        await page.InvokeAsync(() => page.FindAll("[data-testid='provider-capabilities'] input[type='checkbox']")[4].Change(true));
        await page.InvokeAsync(() => Field(page, "provider-contact-name").Change("李四"));
        await page.InvokeAsync(() => Field(page, "provider-contact-email").Change("ui@example.com"));
        await page.InvokeAsync(() => page.Find("[data-testid='register-submit']").Click());

        page.WaitForAssertion(() => Services.GetRequiredService<BunitNavigationManager>().Uri.ShouldEndWith($"/ops/providers/{code}"));
        var details = (await _fixture.Directory.FindAsync(await _fixture.PrincipalAsync(DemoData.OperatorEmail), code))!;
        details.Capabilities.ShouldBe(ProviderCapability.Fulfilment);
        details.Status.ShouldBe(ProviderStatus.Active);
    }
}
