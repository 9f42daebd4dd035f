using Bunit;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;
using Portal.Web.Components.Pages.Journey;

namespace Portal.UnitTests.Web.Components.Journey;

public sealed class GrowthPathPanelTests : PortalTestContext
{
    private static GrowthPath RampUp(params TierHistoryEntry[] history) => new(
        GrowthTier.RampUp,
        [
            new TierStep(GrowthTier.NewStore, null, TierStepState.Reached),
            new TierStep(GrowthTier.RampUp, null, TierStepState.Current),
            new TierStep(GrowthTier.Ka, 1_000_000m, TierStepState.Ahead),
            new TierStep(GrowthTier.Ska, 10_000_000m, TierStepState.Ahead),
        ],
        history);

    [Fact]
    public void GrowthPath_ShowsTheCurrentTierAndWhatTheNextNeeds()
    {
        var panel = Render<GrowthPathPanel>(p => p.Add(x => x.Path, RampUp()));

        panel.Find("[data-testid='growth-path']").TextContent.ShouldContain("Current tier: Ramp-up");
        panel.Find("[data-testid='growth-next']").TextContent.Trim().ShouldBe("Next tier: KA, which needs ¥1M monthly GMV.");
        panel.Find("[data-testid='growth-path']").TextContent.ShouldContain("¥10M monthly GMV");
        panel.Find("[data-testid='growth-path']").TextContent.ShouldContain("No tier changes yet.");
    }

    [Fact]
    public void GrowthPath_InChinese_FormatsTheThresholdInTheUiCulture()
    {
        UseCulture(PortalCultures.Chinese);

        var panel = Render<GrowthPathPanel>(p => p.Add(x => x.Path, RampUp()));

        panel.Find("[data-testid='growth-next']").TextContent.Trim().ShouldBe("下一等级：KA，需要月 GMV 达到 ¥100万。");
    }

    [Fact]
    public void GrowthPath_ListsTheTierHistoryWithItsExplanations()
    {
        var path = RampUp(new TierHistoryEntry(GrowthTier.NewStore, GrowthTier.RampUp, new DateOnly(2026, 3, 1), "Ramp-up since 2026-03: first paid order on 2026-03-02", TierChangeSource.Metrics, DateTimeOffset.UnixEpoch));

        var panel = Render<GrowthPathPanel>(p => p.Add(x => x.Path, path));

        var history = panel.Find("[data-testid='growth-history']").TextContent;
        history.ShouldContain("Ramp-up since 2026-03: first paid order on 2026-03-02");
        history.ShouldContain("New store → Ramp-up, from 2026-03-01 (from the store's metrics)");
    }

    [Fact]
    public void GrowthPath_AtSka_SaysItIsTheTop()
    {
        var path = new GrowthPath(GrowthTier.Ska, [new TierStep(GrowthTier.Ska, 10_000_000m, TierStepState.Current)], []);

        var panel = Render<GrowthPathPanel>(p => p.Add(x => x.Path, path));

        panel.Find("[data-testid='growth-next']").TextContent.Trim().ShouldBe("SKA is the top of the growth path.");
    }

    [Fact]
    public void GrowthPath_ListsTheTiersInOrderAndMarksOnlyTheCurrentOne()
    {
        var panel = Render<GrowthPathPanel>(p => p.Add(x => x.Path, RampUp()));

        var steps = panel.FindAll("[data-testid='growth-path'] ol > li");
        steps.Select(s => s.QuerySelector("p")!.TextContent.Replace("You are here", "").Trim()).ShouldBe(["New store", "Ramp-up", "KA", "SKA"]);
        steps.Select(s => s.TextContent.Contains("You are here", StringComparison.Ordinal)).ShouldBe([false, true, false, false]);
        steps[1].QuerySelector(".mud-timeline-item-dot")!.ClassList.ShouldContain("mud-timeline-dot-size-large");
        steps[0].QuerySelector(".mud-timeline-item-dot-inner")!.ClassList.ShouldContain("mud-timeline-dot-success");
    }
}
