using Bunit;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Journey;
using Portal.Web.Components.Pages.Journey;

namespace Portal.UnitTests.Web.Components.Journey;

public sealed class NextStepPanelTests : PortalTestContext
{
    private static JourneyTaskView Task(StepsArea area, string code, string title, BrandTaskStatus status) =>
        new(Guid.NewGuid(), code, area, 10, title + "（中文）", title, "", "", status, null, null, null, null, null);

    private static JourneyBoard Board(bool canChange, params JourneyTaskView[] tasks) =>
        new(new BrandSummary(Guid.NewGuid(), "tea", "茶", "Tea", canChange ? BrandMemberRole.Owner : null), canChange,
            StepsAreas.InRecommendedOrder.Select(a => new AreaProgress(a, tasks.Where(t => t.Area == a).ToList())).ToList());

    [Fact]
    public void NextStep_WhenEverythingIsDone_SaysSo()
    {
        var board = Board(true, Task(StepsArea.Distribution, "e", "List products", BrandTaskStatus.Done), Task(StepsArea.Exclusive, "x", "Sell the SKU", BrandTaskStatus.Done));

        var panel = Render<NextStepPanel>(p => p.Add(x => x.Board, board));

        panel.Markup.ShouldContain("Every STEPS task is done.");
        panel.Markup.ShouldContain("2 of 2 tasks done");
        panel.FindAll("button").ShouldBeEmpty();
    }

    [Fact]
    public async Task NextStep_NamesTheAreaAndTaskAndRaisesTheChange()
    {
        JourneyTaskView? raised = null;
        var open = Task(StepsArea.Traffic, "t", "Join a platform campaign", BrandTaskStatus.InProgress);
        var board = Board(true, Task(StepsArea.Distribution, "e", "List products", BrandTaskStatus.Done), open);

        var panel = Render<NextStepPanel>(p => p
            .Add(x => x.Board, board)
            .Add(x => x.OnChange, (JourneyTaskView t) => raised = t));
        await panel.InvokeAsync(() => panel.Find("button").Click());

        panel.Find("h3").TextContent.Trim().ShouldBe("T · Public traffic boost: Join a platform campaign");
        raised.ShouldBe(open);
    }

    [Fact]
    public void NextStep_ForViewersWhoCannotChange_OffersNoButton()
    {
        var board = Board(false, Task(StepsArea.Distribution, "e", "List products", BrandTaskStatus.NotStarted));

        var panel = Render<NextStepPanel>(p => p.Add(x => x.Board, board));

        panel.Find("h3").TextContent.ShouldContain("List products");
        panel.FindAll("button").ShouldBeEmpty();
    }
}
