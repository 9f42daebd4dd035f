using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Journey;
using Portal.Web.Components.Pages.Journey;

namespace Portal.IntegrationTests.Web.Components.Journey;

/// <summary>The journey board against the real services and a real SQLite database.</summary>
public sealed class BrandJourneyTests : PortalTestContext, IClassFixture<JourneyAppFixture>
{
    private readonly JourneyAppFixture _fixture;

    public BrandJourneyTests(JourneyAppFixture fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<JourneyService>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<GrowthPathService>());
    }

    private JourneyService Journey => _fixture.App.Services.GetRequiredService<JourneyService>();

    private async Task<BrandSummary> SignedInOwnerAsync(params string[] doneTasks)
    {
        var (brand, claims) = await _fixture.NewBrandAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized("owner");
        auth.SetRoles(PortalRoles.BrandManager);
        auth.SetClaims(claims);
        var ownerId = Guid.Parse(claims[0].Value);
        foreach (var code in doneTasks)
        {
            (await Journey.SetTaskStatusAsync(brand.Id, code, BrandTaskStatus.Done, null, CompletionSource.Manual, ownerId)).Succeeded.ShouldBeTrue();
        }

        return brand;
    }

    private static string Text(IRenderedComponent<BrandJourney> board, string testId) =>
        board.Find($"[data-testid='{testId}']").TextContent;

    [Fact]
    public async Task Board_ShowsTheAreasInRecommendedOrderWithTheirProgress()
    {
        var brand = await SignedInOwnerAsync("e-list-hero-products", "e-set-commission", "p-fan-group");

        var board = Render<BrandJourney>(p => p.Add(x => x.Brand, brand));

        board.WaitForAssertion(() =>
            board.FindAll("[data-testid^='journey-area-'] h3").Select(h => h.TextContent.Trim()).ShouldBe(
            [
                "E · Influencer distribution",
                "T · Public traffic boost",
                "S · Brand self-streaming",
                "P · Private-domain repurchase",
                "S · Channel-exclusive SKUs",
            ]));
        Text(board, "journey-area-Distribution").ShouldContain("2 / 4 done");
        Text(board, "journey-area-PrivateDomain").ShouldContain("1 / 4 done");
        Text(board, "journey-area-Traffic").ShouldContain("0 / 4 done");
        Text(board, "journey-next-step").ShouldContain($"3 of {JourneyPlaybook.Defaults().Count} tasks done");
    }

    [Fact]
    public async Task Board_ShowsTheRecommendedNextStep()
    {
        var brand = await SignedInOwnerAsync("e-list-hero-products", "e-set-commission", "e-first-influencers", "e-burst-coefficient");

        var board = Render<BrandJourney>(p => p.Add(x => x.Brand, brand));

        board.WaitForAssertion(() => Text(board, "journey-next-step").ShouldContain("T · Public traffic boost: Run the first paid promotion"));
        board.FindAll("[data-testid='journey-view-only']").ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangingATask_SavesThroughTheServiceAndReRenders()
    {
        var brand = await SignedInOwnerAsync("e-list-hero-products", "e-set-commission", "e-first-influencers");
        var dialogs = Render<MudDialogProvider>();
        var board = Render<BrandJourney>(p => p.Add(x => x.Brand, brand));
        board.WaitForAssertion(() => Text(board, "journey-next-step").ShouldContain("Measure the burst coefficient"));

        await board.InvokeAsync(() => board.Find("button[aria-label='Change the task Measure the burst coefficient']").Click());
        dialogs.WaitForAssertion(() => dialogs.FindAll("label").Select(l => l.TextContent.Trim()).ShouldContain("Done"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("input[type='radio']")[(int)BrandTaskStatus.Done].Click());
        await dialogs.InvokeAsync(() => dialogs.Find("textarea").Change("Oolong sells in bursts: 3.2"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click());

        board.WaitForAssertion(() => Text(board, "journey-next-step").ShouldContain("T · Public traffic boost: Run the first paid promotion"));
        var area = Text(board, "journey-area-Distribution");
        area.ShouldContain("4 / 4 done");
        area.ShouldContain("Oolong sells in bursts: 3.2");
        Text(board, "journey-task-e-burst-coefficient").ShouldContain($"Done by {brand.Code}@example.com on");
        var task = (await Journey.GetAreasAsync(brand.Id))[0].Tasks.Single(t => t.Code == "e-burst-coefficient");
        task.Status.ShouldBe(BrandTaskStatus.Done);
        task.CompletionSource.ShouldBe(CompletionSource.Manual);
    }

    [Fact]
    public async Task ChangingATask_WithALinkThatIsNotHttp_ShowsTheMessageAndSavesNothing()
    {
        var brand = await SignedInOwnerAsync();
        var dialogs = Render<MudDialogProvider>();
        var board = Render<BrandJourney>(p => p.Add(x => x.Brand, brand));
        board.WaitForAssertion(() => board.Find("button[aria-label='Change the task Set the commission rate']"));

        await board.InvokeAsync(() => board.Find("button[aria-label='Change the task Set the commission rate']").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("input[type='url']"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("input[type='radio']")[(int)BrandTaskStatus.InProgress].Click());
        await dialogs.InvokeAsync(() => dialogs.Find("input[type='url']").Change("ftp://example.com/rates.xlsx"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click());

        dialogs.WaitForAssertion(() => dialogs.Find("[role='alert']").TextContent.ShouldContain("must be a web address starting with http:// or https://"));
        (await Journey.GetAreasAsync(brand.Id))[0].Tasks.Single(t => t.Code == "e-set-commission").Status.ShouldBe(BrandTaskStatus.NotStarted);
    }

    [Fact]
    public async Task Board_ForStaff_SaysItIsViewOnlyAndOffersNoChanges()
    {
        var (brand, _) = await _fixture.NewBrandAsync();
        var staffId = await _fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == "ska@demo.test").Select(u => u.Id).SingleAsync());
        var auth = AddAuthorization();
        auth.SetAuthorized("ska@demo.test");
        auth.SetRoles(PortalRoles.SkaOperator);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, staffId.ToString()));

        var board = Render<BrandJourney>(p => p.Add(x => x.Brand, brand with { MyRole = null }));

        board.WaitForAssertion(() => Text(board, "journey-view-only").ShouldContain("only the brand's members can change its tasks"));
        Text(board, "journey-next-step").ShouldContain("List hero products in the distribution library");
        board.FindAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Change");
        board.FindAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Update this task");
    }
}
