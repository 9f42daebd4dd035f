using Portal.Core;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Streams;

/// <summary>Each STAGE rule, from incomplete to complete.</summary>
public sealed class StageReadinessTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 20, 0, 0, PlatformTime.Offset);

    private static bool Complete(StreamPlan plan, StageSection section) => StageReadiness.Of(plan).IsSectionComplete(section);

    [Fact]
    public void Readiness_OfAnEmptyPlan_IsZeroOfFive()
    {
        var readiness = StageReadiness.Of(StreamsApp.EmptyPlan(Start));

        readiness.CompleteCount.ShouldBe(0);
        readiness.Incomplete.ShouldBe([StageSection.Shaping, StageSection.Timing, StageSection.AccurateFlow, StageSection.Gifts, StageSection.EarlyContent]);
    }

    [Fact]
    public void Readiness_OfACompletePlan_IsFiveOfFive()
    {
        var readiness = StageReadiness.Of(StreamsApp.CompletePlan(Start));

        readiness.CompleteCount.ShouldBe(5);
        readiness.AllComplete.ShouldBeTrue();
    }

    [Fact]
    public void Shaping_WithoutAHero_IsIncompleteUntilAHeroIsAdded()
    {
        var plan = StreamsApp.EmptyPlan(Start);
        Complete(plan, StageSection.Shaping).ShouldBeFalse();

        plan.Shaping.Products.Add(new PlannedProduct { Name = "Tasting pack", Role = ProductRole.Traffic, Price = 9.9m, Stock = 10 });
        Complete(plan, StageSection.Shaping).ShouldBeFalse();

        plan.Shaping.Products.Add(new PlannedProduct { Name = "Longjing", Role = ProductRole.Hero, Price = 298m, Stock = 10 });
        Complete(plan, StageSection.Shaping).ShouldBeTrue();
    }

    [Fact]
    public void Shaping_WithAnUnnamedProduct_IsIncomplete()
    {
        var plan = StreamsApp.CompletePlan(Start);
        plan.Shaping.Products.Add(new PlannedProduct { Name = " ", Role = ProductRole.Profit });

        Complete(plan, StageSection.Shaping).ShouldBeFalse();
    }

    [Fact]
    public void Timing_IsCompleteOnlyWhenSegmentMinutesAddUpToThePlannedLength()
    {
        var plan = StreamsApp.EmptyPlan(Start);
        plan.PlannedMinutes = 90;
        Complete(plan, StageSection.Timing).ShouldBeFalse();

        plan.Timing.Segments.Add(new ShowSegment { Name = "Warm-up", Minutes = 30 });
        Complete(plan, StageSection.Timing).ShouldBeFalse();

        plan.Timing.Segments.Add(new ShowSegment { Name = "Hero", Minutes = 60 });
        Complete(plan, StageSection.Timing).ShouldBeTrue();

        plan.PlannedMinutes = 120;
        Complete(plan, StageSection.Timing).ShouldBeFalse();
    }

    [Fact]
    public void AccurateFlow_NeedsBudgetAndATool_OrNoPaidTraffic()
    {
        var plan = StreamsApp.EmptyPlan(Start);
        plan.Flow.Budget = 2000m;
        Complete(plan, StageSection.AccurateFlow).ShouldBeFalse();

        plan.Flow.Tools = TrafficTools.StoreFeed;
        Complete(plan, StageSection.AccurateFlow).ShouldBeTrue();

        plan.Flow = new AccurateFlowSection { Tools = TrafficTools.StoreFeed };
        Complete(plan, StageSection.AccurateFlow).ShouldBeFalse();

        plan.Flow.NoPaidTraffic = true;
        Complete(plan, StageSection.AccurateFlow).ShouldBeTrue();
    }

    [Fact]
    public void Gifts_NeedAtLeastOneItem()
    {
        var plan = StreamsApp.EmptyPlan(Start);
        Complete(plan, StageSection.Gifts).ShouldBeFalse();

        plan.Gifts.Items.Add(new GiftItem { Kind = GiftKind.RedPacket, Description = "Hourly red packet", Budget = 100m });

        Complete(plan, StageSection.Gifts).ShouldBeTrue();
    }

    [Fact]
    public void EarlyContent_NeedsAWarmUpVideoOrHighlights()
    {
        var plan = StreamsApp.EmptyPlan(Start);
        Complete(plan, StageSection.EarlyContent).ShouldBeFalse();

        plan.EarlyContent.WarmUpVideos = 1;
        Complete(plan, StageSection.EarlyContent).ShouldBeTrue();

        plan.EarlyContent = new EarlyContentSection { Highlights = "Live brewing in the tea garden" };
        Complete(plan, StageSection.EarlyContent).ShouldBeTrue();
    }
}
