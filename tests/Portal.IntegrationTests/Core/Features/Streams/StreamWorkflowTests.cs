using Portal.Core;
using Portal.Core.Features.Streams;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Streams;

/// <summary>The plan's state machine through <see cref="StreamPlanService"/>, on real SQLite.</summary>
public sealed class StreamWorkflowTests(StreamsApp fixture) : IClassFixture<StreamsApp>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 20, 0, 0, PlatformTime.Offset);
    private static readonly StreamResults Results = new() { Gmv = 12_345.67m, Orders = 210, PeakViewers = 3_400, NewFans = 560, ActualMinutes = 75 };

    private StreamPlanService Streams => fixture.Streams;

    private async Task<Guid> PlanInStateAsync(StreamStatus status)
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.CompletePlan(Start));
        if (status is StreamStatus.Ready or StreamStatus.Done)
        {
            (await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkReady)).Errors.ShouldBeEmpty();
        }

        if (status == StreamStatus.Done)
        {
            (await Streams.RecordResultsAsync(fixture.Owner, fixture.DemoBrandId, id, Results)).Errors.ShouldBeEmpty();
            (await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkDone)).Errors.ShouldBeEmpty();
        }

        if (status == StreamStatus.Cancelled)
        {
            (await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.Cancel)).Errors.ShouldBeEmpty();
        }

        (await fixture.LoadAsync(id)).Status.ShouldBe(status);
        return id;
    }

    [Fact]
    public async Task Create_SavesADraftWithItsSections()
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.CompletePlan(Start, "Saved plan"));

        var plan = await fixture.LoadAsync(id);

        plan.Status.ShouldBe(StreamStatus.Draft);
        plan.Title.ShouldBe("Saved plan");
        plan.StartAt.ShouldBe(Start);
        plan.StartAt.Offset.ShouldBe(PlatformTime.Offset);
        plan.Shaping.Products.Single().Price.ShouldBe(298m);
        plan.Timing.Segments.Select(s => s.Minutes).ShouldBe([10, 50]);
        plan.Flow.Tools.ShouldBe(TrafficTools.LivePromotion);
        plan.Gifts.Items.Single().Kind.ShouldBe(GiftKind.Coupon);
        plan.EarlyContent.WarmUpVideos.ShouldBe(2);
    }

    [Fact]
    public async Task Save_ReplacesSectionContents()
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.EmptyPlan(Start));
        var plan = await fixture.LoadAsync(id);
        plan.Shaping.Products.Add(new PlannedProduct { Name = "Pu'er cake", Role = ProductRole.Hero, Price = 158.5m, Stock = 40 });
        plan.Flow.NoPaidTraffic = true;
        (await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, plan)).Errors.ShouldBeEmpty();

        plan = await fixture.LoadAsync(id);
        plan.Shaping.Products.Clear();
        plan.Shaping.Products.Add(new PlannedProduct { Name = "Tasting pack", Role = ProductRole.Traffic, Price = 9.9m, Stock = 1000 });
        (await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, plan)).Errors.ShouldBeEmpty();

        var saved = await fixture.LoadAsync(id);
        saved.Shaping.Products.Select(p => p.Name).ShouldBe(["Tasting pack"]);
        saved.Flow.NoPaidTraffic.ShouldBeTrue();
    }

    [Fact]
    public async Task Save_OfAPlanOpenedBeforeAnotherSave_IsRefused_AndKeepsThatSave()
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.EmptyPlan(Start));
        var mine = await fixture.LoadAsync(id);
        var theirs = await fixture.LoadAsync(id);
        theirs.Host = "Their host";
        (await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, theirs)).Errors.ShouldBeEmpty();

        mine.Title = "My title";
        var outcome = await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, mine);

        outcome.Errors.ShouldBe(["Someone saved this plan after you opened it; your changes were not saved. Reload the page to see theirs, then make yours again."]);
        var stored = await fixture.LoadAsync(id);
        stored.Host.ShouldBe("Their host");
        stored.Title.ShouldNotBe("My title");

        // Read again, it saves.
        stored.Title = "My title";
        (await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, stored)).Errors.ShouldBeEmpty();
        (await fixture.LoadAsync(id)).Title.ShouldBe("My title");
    }

    [Fact]
    public async Task Save_ThenAnActionRefused_TheSameCopySavesAgain()
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.EmptyPlan(Start));
        var plan = await fixture.LoadAsync(id);
        plan.Host = "First host";

        // What the editor does on Mark ready: save what is shown, then the action, refused here (sections missing);
        // the editor then keeps its copy, and the person goes on editing it.
        (await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, plan)).Errors.ShouldBeEmpty();
        (await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkReady)).Succeeded.ShouldBeFalse();
        plan.Host = "Second host";

        (await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, plan)).Errors.ShouldBeEmpty();
        (await fixture.LoadAsync(id)).Host.ShouldBe("Second host");
    }

    [Fact]
    public async Task Save_WithoutATitle_IsRefusedWithAMessage()
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.EmptyPlan(Start));
        var plan = await fixture.LoadAsync(id);
        plan.Title = "";

        var outcome = await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, plan);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldContain("Title is required.");
    }

    [Fact]
    public async Task MarkReady_FromDraftWithEverySectionComplete_IsReady()
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.CompletePlan(Start));

        var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkReady);

        outcome.Succeeded.ShouldBeTrue();
        (await fixture.LoadAsync(id)).Status.ShouldBe(StreamStatus.Ready);
    }

    [Fact]
    public async Task MarkReady_WithIncompleteSections_IsRefusedNamingThem()
    {
        var plan = StreamsApp.CompletePlan(Start);
        plan.Gifts.Items.Clear();
        plan.EarlyContent.WarmUpVideos = 0;
        var id = await fixture.CreateDemoPlanAsync(plan);

        var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkReady);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.Single().ShouldBe("The plan cannot be ready yet: these STAGE sections are incomplete: Gifts, Early content.");
        (await fixture.LoadAsync(id)).Status.ShouldBe(StreamStatus.Draft);
    }

    [Fact]
    public async Task MarkReady_Refusal_IsInChineseForAChineseReader()
    {
        var plan = StreamsApp.CompletePlan(Start);
        plan.Shaping.Products.Clear();
        var id = await fixture.CreateDemoPlanAsync(plan);

        using (PortalCultures.Use(PortalCultures.Chinese))
        {
            var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkReady);

            outcome.Errors.Single().ShouldBe("计划尚不能就绪，以下 STAGE 部分未完成：盘货品。");
        }
    }

    [Fact]
    public async Task MarkDone_FromReadyWithoutResults_IsRefused()
    {
        var id = await PlanInStateAsync(StreamStatus.Ready);

        var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkDone);

        outcome.Errors.ShouldBe(["Enter the stream's results before marking it done."]);
        (await fixture.LoadAsync(id)).Status.ShouldBe(StreamStatus.Ready);
    }

    [Fact]
    public async Task MarkDone_FromReadyWithResults_IsDone()
    {
        var id = await PlanInStateAsync(StreamStatus.Ready);
        (await Streams.RecordResultsAsync(fixture.Owner, fixture.DemoBrandId, id, Results)).Succeeded.ShouldBeTrue();

        var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkDone);

        outcome.Succeeded.ShouldBeTrue();
        var plan = await fixture.LoadAsync(id);
        plan.Status.ShouldBe(StreamStatus.Done);
        plan.Results.ShouldNotBeNull().Gmv.ShouldBe(12_345.67m);
    }

    [Fact]
    public async Task MarkDone_FromDraft_IsRefused()
    {
        var id = await PlanInStateAsync(StreamStatus.Draft);

        var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkDone);

        outcome.Errors.ShouldBe(["\"Mark done\" is not possible for a stream that is Draft."]);
    }

    [Theory]
    [InlineData(StreamStatus.Draft)]
    [InlineData(StreamStatus.Ready)]
    public async Task Cancel_FromDraftOrReady_IsCancelled(StreamStatus from)
    {
        var id = await PlanInStateAsync(from);

        var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.Cancel);

        outcome.Succeeded.ShouldBeTrue();
        (await fixture.LoadAsync(id)).Status.ShouldBe(StreamStatus.Cancelled);
    }

    [Theory]
    [InlineData(StreamStatus.Done, StreamAction.MarkReady)]
    [InlineData(StreamStatus.Done, StreamAction.MarkDone)]
    [InlineData(StreamStatus.Done, StreamAction.Cancel)]
    [InlineData(StreamStatus.Cancelled, StreamAction.MarkReady)]
    [InlineData(StreamStatus.Cancelled, StreamAction.MarkDone)]
    [InlineData(StreamStatus.Cancelled, StreamAction.Cancel)]
    [InlineData(StreamStatus.Ready, StreamAction.MarkReady)]
    public async Task Action_FromAStateItDoesNotLeave_IsRefusedAndChangesNothing(StreamStatus from, StreamAction action)
    {
        var id = await PlanInStateAsync(from);

        var outcome = await Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, action);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.Single().ShouldContain("is not possible for a stream that is");
        (await fixture.LoadAsync(id)).Status.ShouldBe(from);
    }

    [Theory]
    [InlineData(StreamStatus.Done)]
    [InlineData(StreamStatus.Cancelled)]
    public async Task Save_AfterTheStreamIsClosed_IsRefused(StreamStatus status)
    {
        var id = await PlanInStateAsync(status);
        var plan = await fixture.LoadAsync(id);
        plan.Title = "Changed afterwards";

        var outcome = await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, plan);

        outcome.Succeeded.ShouldBeFalse();
        (await fixture.LoadAsync(id)).Title.ShouldBe("Complete plan");
    }

    [Fact]
    public async Task Save_OfAReadyPlanThatWouldBecomeIncomplete_IsRefused()
    {
        var id = await PlanInStateAsync(StreamStatus.Ready);
        var plan = await fixture.LoadAsync(id);
        plan.Timing.Segments.Clear();

        var outcome = await Streams.SaveAsync(fixture.Owner, fixture.DemoBrandId, plan);

        outcome.Errors.ShouldBe(["A ready plan must stay complete; these sections would be incomplete: Timing."]);
        (await fixture.LoadAsync(id)).Timing.Segments.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RecordResults_OnADraft_IsRefused()
    {
        var id = await PlanInStateAsync(StreamStatus.Draft);

        var outcome = await Streams.RecordResultsAsync(fixture.Owner, fixture.DemoBrandId, id, Results);

        outcome.Succeeded.ShouldBeFalse();
        (await fixture.LoadAsync(id)).Results.ShouldBeNull();
    }

    [Fact]
    public async Task Staff_CannotCreateChangeOrMovePlans()
    {
        var id = await PlanInStateAsync(StreamStatus.Draft);
        var plan = await fixture.LoadAsync(id);
        plan.Title = "Changed by staff";
        const string viewOnly = "SKA staff can view this brand's streams but not change them.";

        (await Streams.CreateAsync(fixture.Staff, fixture.DemoBrandId, StreamsApp.CompletePlan(Start))).Errors.ShouldBe([viewOnly]);
        (await Streams.SaveAsync(fixture.Staff, fixture.DemoBrandId, plan)).Errors.ShouldBe([viewOnly]);
        (await Streams.ApplyAsync(fixture.Staff, fixture.DemoBrandId, id, StreamAction.Cancel)).Errors.ShouldBe([viewOnly]);
        (await Streams.RecordResultsAsync(fixture.Staff, fixture.DemoBrandId, id, Results)).Errors.ShouldBe([viewOnly]);
        var seen = (await Streams.FindAsync(fixture.Staff, fixture.DemoBrandId, id)).ShouldNotBeNull();
        seen.CanEdit.ShouldBeFalse();
        seen.Plan.Title.ShouldBe("Complete plan");
        seen.Plan.Status.ShouldBe(StreamStatus.Draft);
    }

    [Fact]
    public async Task AnotherBrandsMember_CannotSeeOrChangeThePlan()
    {
        var id = await PlanInStateAsync(StreamStatus.Draft);
        var plan = await fixture.LoadAsync(id);

        (await Streams.FindAsync(fixture.Outsider, fixture.DemoBrandId, id)).ShouldBeNull();
        (await Streams.MonthAsync(fixture.Outsider, fixture.DemoBrandId, 2026, 12)).ShouldBeNull();
        (await Streams.SaveAsync(fixture.Outsider, fixture.DemoBrandId, plan)).Succeeded.ShouldBeFalse();
        (await Streams.ApplyAsync(fixture.Outsider, fixture.DemoBrandId, id, StreamAction.Cancel)).Succeeded.ShouldBeFalse();
        (await Streams.CreateAsync(fixture.Outsider, fixture.DemoBrandId, StreamsApp.CompletePlan(Start))).Succeeded.ShouldBeFalse();
        (await fixture.LoadAsync(id)).Status.ShouldBe(StreamStatus.Draft);
    }

    [Fact]
    public async Task Plan_ThroughAnotherBrandsId_IsNotFound_EvenForThatBrandsOwner()
    {
        var id = await PlanInStateAsync(StreamStatus.Draft);

        (await Streams.FindAsync(fixture.Outsider, fixture.OtherBrandId, id)).ShouldBeNull();
        (await Streams.ApplyAsync(fixture.Outsider, fixture.OtherBrandId, id, StreamAction.Cancel)).Errors.ShouldBe(["This stream plan was not found."]);
        (await fixture.LoadAsync(id)).Status.ShouldBe(StreamStatus.Draft);
    }
}
