using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Providers;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Providers;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>/provider and the scorecard component against the real services, on the hand-built scorecard data set and the demo's Farsail.</summary>
public sealed class ProviderPagesTests : PortalTestContext, IClassFixture<ProviderScorecardFixture>
{
    private readonly ProviderScorecardFixture _fixture;

    public ProviderPagesTests(ProviderScorecardFixture fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ProviderWorkspace>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<ProviderScorecardService>());
    }

    private async Task SignInAsync(string email, string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(role);
        auth.SetClaims((await _fixture.App.PrincipalAsync(email)).Claims.ToArray());
    }

    [Fact]
    public async Task Home_ForFarsailsManager_ListsCloudTeaWithLinksIntoItsDelegatedAreasOnly()
    {
        await SignInAsync("provider@demo.test", PortalRoles.Provider);

        var page = Render<ProviderHome>();

        page.WaitForAssertion(() => page.FindAll("[data-testid='provider-brand']").Select(b => b.GetAttribute("data-code")).ShouldBe(["demo-tea"]));
        page.Find("[data-testid='provider-brand-name']").TextContent.ShouldBe("Cloud Tea");
        page.Find("[data-testid='provider-brand-tier']").TextContent.Trim().ShouldNotBeEmpty();
        page.FindAll("[data-testid^='provider-area-']").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/brands/demo-tea/streams", "/brands/demo-tea/journey", "/brands/demo-tea/dashboard/import"]);
        page.Markup.ShouldNotContain("Silver Moon");
        page.Find("[data-testid='provider-scorecard-link']").GetAttribute("href").ShouldBe("/provider/scorecard");
    }

    [Fact]
    public async Task Home_ForABrandThatKeepsItsJourney_SaysItsStepsAreNotShared()
    {
        await SignInAsync(ProviderScorecardFixture.Operator, PortalRoles.Provider);

        var page = Render<ProviderHome>();

        page.WaitForAssertion(() => page.Find("[data-testid='provider-brand-steps']").TextContent.ShouldBe("Not shared by the brand"));
        page.Find("[data-testid='provider-brand-gmv']").TextContent.ShouldNotBe("Not shared by the brand");
        page.Find("[data-testid='provider-brand-moving']").TextContent.ShouldNotBe("Not shared by the brand");
    }

    [Fact]
    public async Task Home_ForAPersonOutsideEveryProvider_SaysSoAndListsNothing()
    {
        await SignInAsync(ProviderScorecardFixture.Outsider, PortalRoles.Provider);

        var page = Render<ProviderHome>();

        page.WaitForAssertion(() => page.Find("[data-testid='provider-home-outside']").TextContent.ShouldContain("not part of any service provider"));
        page.FindAll("[data-testid='provider-brand']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Scorecard_ForItsManager_ShowsEveryFigureAndTheLevel()
    {
        await SignInAsync(ProviderScorecardFixture.Manager, PortalRoles.Provider);

        var card = Render<ProviderScorecard>(p => p.Add(c => c.ProviderCode, ProviderScorecardFixture.Code));

        card.WaitForAssertion(() => card.Find("[data-testid='provider-scorecard']"));
        string Value(string id) => card.Find($"[data-testid='scorecard-{id}'] [data-testid='scorecard-value']").TextContent.Trim();
        Value("brands-now").ShouldBe("1");
        Value("brands-ever").ShouldBe("3");
        Value("year-gmv").ShouldBe("¥1.1K");
        Value("tier-moves").ShouldBe("3");
        Value("tasks").ShouldBe("4");
        Value("streams-planned").ShouldBe("4");
        Value("streams-held").ShouldBe("2");
        Value("turnaround").ShouldBe("15 h over 4 documents");
        card.Find("[data-testid='scorecard-level-name']").TextContent.ShouldBe("Rising");
        card.Find("[data-testid='scorecard-level-sentence']").TextContent.ShouldStartWith("Rising on the 造风者 path");
        card.FindAll("[data-testid='scorecard-month']").Count.ShouldBe(12);
        card.FindAll("[data-testid='scorecard-month']")[^1].TextContent.ShouldContain("¥50");
    }

    [Fact]
    public async Task Scorecard_InChinese_WritesMoneyIn万And亿()
    {
        UseCulture(Portal.Core.Localization.PortalCultures.Chinese);
        await SignInAsync(ProviderScorecardFixture.Manager, PortalRoles.Provider);

        var card = Render<ProviderScorecard>(p => p.Add(c => c.ProviderCode, ProviderScorecardFixture.Code));

        card.WaitForAssertion(() => card.Find("[data-testid='scorecard-level-name']").TextContent.ShouldBe("成长"));
        card.Find("[data-testid='scorecard-year-gmv'] [data-testid='scorecard-value']").TextContent.Trim().ShouldBe("¥1,088");
    }

    [Fact]
    public async Task Scorecard_ForAnotherProvidersPerson_IsRefused()
    {
        await SignInAsync("provider@demo.test", PortalRoles.Provider);

        var card = Render<ProviderScorecard>(p => p.Add(c => c.ProviderCode, ProviderScorecardFixture.Code));

        card.WaitForAssertion(() => card.Find("[data-testid='scorecard-refused']").TextContent.ShouldContain("Only the provider's own people"));
        card.FindAll("[data-testid='provider-scorecard']").ShouldBeEmpty();
    }

    [Fact]
    public async Task ScorecardPage_ForItsPeople_ShowsTheirOwnProvidersScorecard()
    {
        await SignInAsync(ProviderScorecardFixture.Operator, PortalRoles.Provider);

        var page = Render<ProviderScorecardPage>();

        page.WaitForAssertion(() => page.Find("#scorecard-heading").TextContent.ShouldBe("Scorecard of Scout Ops"));
    }

    [Fact]
    public async Task ScorecardPage_ForAPersonOutsideEveryProvider_SaysSo()
    {
        await SignInAsync(ProviderScorecardFixture.Outsider, PortalRoles.Provider);

        var page = Render<ProviderScorecardPage>();

        page.WaitForAssertion(() => page.Find("[data-testid='provider-scorecard-outside']").TextContent.ShouldContain("not part of any service provider"));
        page.FindAll("[data-testid='provider-scorecard']").ShouldBeEmpty();
    }
}
