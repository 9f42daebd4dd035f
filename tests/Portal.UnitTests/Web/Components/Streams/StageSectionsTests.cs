using Portal.Core;
using AngleSharp.Dom;
using Bunit;
using MudBlazor;
using Portal.Core.Features.Streams;
using Portal.Core.Localization;
using Portal.Web.Components.Pages.Streams.Sections;

namespace Portal.UnitTests.Web.Components.Streams;

/// <summary>Each STAGE section shows its fields by label and its completeness; editing updates readiness.</summary>
public sealed class StageSectionsTests : PortalTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 20, 0, 0, PlatformTime.Offset);

    /// <summary>The input a visible label names, as a person (or Playwright's GetByLabel) finds it.</summary>
    private static IElement Field(IRenderedComponent<StagePlanHost> cut, string label)
    {
        // A field added by a click (a gift row) appears after MudBlazor's asynchronous re-render.
        IElement? element = null;
        cut.WaitForAssertion(() => element = cut.FindAll("label").SingleOrDefault(l => l.TextContent.Trim() == label)
            ?? throw new ShouldAssertException($"No field labelled '{label}'"));
        // Text fields point at their input with for=; check boxes wrap theirs.
        return element!.GetAttribute("for") is { Length: > 0 } id ? cut.Find($"#{id}") : element.QuerySelector("input")!;
    }

    private static string State(IRenderedComponent<StagePlanHost> cut, StageSection section) =>
        cut.Find($"[data-testid='section-state-{section}']").TextContent.Trim();

    private IRenderedComponent<StagePlanHost> RenderHost(StreamPlan plan) =>
        Render<StagePlanHost>(p => p.Add(h => h.Plan, plan));

    private static StreamPlan EmptyPlan() => new() { Title = "Test", Host = "Host", StartAt = Start, PlannedMinutes = 90 };

    [Fact]
    public void Shaping_AddingANamedHeroProduct_MakesItComplete()
    {
        var cut = RenderHost(EmptyPlan());
        cut.WaitForAssertion(() => State(cut, StageSection.Shaping).ShouldBe("Incomplete"));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add product").Click();
        Field(cut, "Product 1 name").Change("Longjing 250g");

        cut.WaitForAssertion(() => State(cut, StageSection.Shaping).ShouldBe("Complete"));
        Field(cut, "Product 1 price (¥)").ShouldNotBeNull();
        Field(cut, "Product 1 stock").ShouldNotBeNull();
        cut.FindAll("label").Select(l => l.TextContent.Trim()).ShouldContain("Product 1 role");
    }

    [Fact]
    public async Task Shaping_WhenTheOnlyHeroBecomesATrafficProduct_IsIncomplete()
    {
        var plan = EmptyPlan();
        plan.Shaping.Products.Add(new PlannedProduct { Name = "Longjing", Role = ProductRole.Hero });
        var cut = RenderHost(plan);
        cut.WaitForAssertion(() => State(cut, StageSection.Shaping).ShouldBe("Complete"));

        var role = cut.FindComponent<MudSelect<ProductRole>>();
        await cut.InvokeAsync(() => role.Instance.SelectOption(ProductRole.Traffic));

        cut.WaitForAssertion(() => State(cut, StageSection.Shaping).ShouldBe("Incomplete"));
        plan.Shaping.Products.Single().Role.ShouldBe(ProductRole.Traffic);
    }

    [Fact]
    public void Timing_SegmentsMustFillThePlannedLength()
    {
        var cut = RenderHost(EmptyPlan());
        cut.WaitForAssertion(() => State(cut, StageSection.Timing).ShouldBe("Incomplete"));

        // A new segment takes the unplanned minutes, so one segment fills the show.
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add segment").Click();
        Field(cut, "Segment 1 name").Change("Hero product");
        cut.WaitForAssertion(() => State(cut, StageSection.Timing).ShouldBe("Complete"));

        Field(cut, "Segment 1 minutes").Change("30");

        cut.WaitForAssertion(() => State(cut, StageSection.Timing).ShouldBe("Incomplete"));
        cut.Find("[data-testid='timing-total']").TextContent.ShouldBe("Segments: 30 of 90 planned minutes");
    }

    [Fact]
    public void Timing_ChangingThePlannedLength_ChangesItsCompleteness()
    {
        var plan = EmptyPlan();
        plan.Timing.Segments.Add(new ShowSegment { Name = "All", Minutes = 90 });
        var cut = RenderHost(plan);
        cut.WaitForAssertion(() => State(cut, StageSection.Timing).ShouldBe("Complete"));

        Field(cut, "Planned length (minutes)").Change("120");

        cut.WaitForAssertion(() => State(cut, StageSection.Timing).ShouldBe("Incomplete"));
    }

    [Fact]
    public void AccurateFlow_BudgetAndTool_OrNoPaidTraffic_MakeItComplete()
    {
        var cut = RenderHost(EmptyPlan());
        cut.WaitForAssertion(() => State(cut, StageSection.AccurateFlow).ShouldBe("Incomplete"));

        Field(cut, "Paid traffic budget (¥)").Change("2000");
        cut.WaitForAssertion(() => State(cut, StageSection.AccurateFlow).ShouldBe("Incomplete"));
        Field(cut, "Live-room promotion").Change(true);
        cut.WaitForAssertion(() => State(cut, StageSection.AccurateFlow).ShouldBe("Complete"));

        Field(cut, "Live-room promotion").Change(false);
        cut.WaitForAssertion(() => State(cut, StageSection.AccurateFlow).ShouldBe("Incomplete"));
        Field(cut, "No paid traffic for this stream").Change(true);
        cut.WaitForAssertion(() => State(cut, StageSection.AccurateFlow).ShouldBe("Complete"));
    }

    [Fact]
    public void Gifts_AddingAnItem_MakesItComplete_AndShowsTheBudgetInYuan()
    {
        var cut = RenderHost(EmptyPlan());
        cut.WaitForAssertion(() => State(cut, StageSection.Gifts).ShouldBe("Incomplete"));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add gift").Click();
        Field(cut, "Gift 1 description").Change("¥30 off ¥199");
        Field(cut, "Gift 1 budget (¥)").Change("1234.5");

        cut.WaitForAssertion(() => State(cut, StageSection.Gifts).ShouldBe("Complete"));
        cut.Find("[data-testid='gifts-total']").TextContent.ShouldBe("Gifts budget: ¥1,234.50");
        cut.FindAll("label").Select(l => l.TextContent.Trim()).ShouldContain("Gift 1 kind");
    }

    [Fact]
    public void EarlyContent_AWarmUpVideoOrHighlights_MakeItComplete()
    {
        var cut = RenderHost(EmptyPlan());
        cut.WaitForAssertion(() => State(cut, StageSection.EarlyContent).ShouldBe("Incomplete"));

        Field(cut, "Highlights").Change("Live brewing in the tea garden");
        cut.WaitForAssertion(() => State(cut, StageSection.EarlyContent).ShouldBe("Complete"));

        Field(cut, "Highlights").Change("");
        Field(cut, "Warm-up videos planned").Change("2");
        cut.WaitForAssertion(() => State(cut, StageSection.EarlyContent).ShouldBe("Complete"));
    }

    [Fact]
    public void Readiness_CountsCompleteSections_AsTheyAreEdited()
    {
        var cut = RenderHost(EmptyPlan());
        cut.Find("[data-testid='readiness']").TextContent.ShouldContain("Readiness 0/5");

        Field(cut, "Warm-up videos planned").Change("1");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add gift").Click();

        var readiness = cut.Find("[data-testid='readiness']").TextContent;
        readiness.ShouldContain("Readiness 2/5");
        readiness.ShouldContain("Gifts: Complete");
        readiness.ShouldContain("Shaping merchandise: Incomplete");
    }

    [Fact]
    public void Header_SaysTimesAreChinaStandardTime()
    {
        var cut = RenderHost(EmptyPlan());

        Field(cut, "Start date").GetAttribute("value").ShouldBe("2026-12-05");
        cut.Markup.ShouldContain("China Standard Time (UTC+8)");
    }

    [Fact]
    public void Sections_InChinese_ShowChineseLabelsAndStates()
    {
        UseCulture(PortalCultures.Chinese);
        var cut = RenderHost(EmptyPlan());

        cut.Find("#stage-Shaping").TextContent.ShouldBe("盘货品");
        cut.WaitForAssertion(() => State(cut, StageSection.Gifts).ShouldBe("未完成"));
        cut.Find("[data-testid='readiness']").TextContent.ShouldContain("准备度 0/5");
    }

    [Fact]
    public void ReadOnlySection_HasNoAddOrRemoveButtons()
    {
        var section = new ShapingSection { Products = [new PlannedProduct { Name = "Longjing", Role = ProductRole.Hero }] };

        var cut = Render<ShapingSectionEditor>(p => p.Add(s => s.Section, section).Add(s => s.ReadOnly, true));

        cut.FindAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Add product");
        cut.FindAll("[aria-label='Remove product 1']").ShouldBeEmpty();
        cut.Find("[data-testid='section-state-Shaping']").TextContent.Trim().ShouldBe("Complete");
    }
}
