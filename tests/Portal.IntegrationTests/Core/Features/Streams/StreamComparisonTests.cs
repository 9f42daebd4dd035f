using Portal.Core;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Streams;

public sealed class StreamComparisonTests(StreamsApp fixture) : IClassFixture<StreamsApp>
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 20, 0, 0, PlatformTime.Offset);

    [Fact]
    public void Comparison_BeforeResults_IsNull()
    {
        StreamComparison.Of(StreamsApp.CompletePlan(Start)).ShouldBeNull();
    }

    [Fact]
    public void Comparison_SetsActualAgainstPlannedLengthAndGmvTarget()
    {
        var plan = StreamsApp.CompletePlan(Start);
        plan.PlannedMinutes = 120;
        plan.GmvTarget = 50_000m;
        plan.Results = new StreamResults { Gmv = 60_000m, Orders = 400, PeakViewers = 9_000, NewFans = 1_200, ActualMinutes = 135 };

        var comparison = StreamComparison.Of(plan).ShouldNotBeNull();

        comparison.LengthDifference.ShouldBe(15);
        comparison.GmvDifference.ShouldBe(10_000m);
        comparison.GmvAttainment.ShouldBe(1.2m);
        comparison.AverageOrderValue.ShouldBe(150m);
    }

    [Fact]
    public void Comparison_WithoutATarget_HasNoGmvDifference()
    {
        var plan = StreamsApp.CompletePlan(Start);
        plan.Results = new StreamResults { Gmv = 1_000m, Orders = 0, ActualMinutes = 50 };

        var comparison = StreamComparison.Of(plan).ShouldNotBeNull();

        comparison.LengthDifference.ShouldBe(-10);
        comparison.GmvDifference.ShouldBeNull();
        comparison.GmvAttainment.ShouldBeNull();
        comparison.AverageOrderValue.ShouldBeNull();
    }

    [Fact]
    public async Task RecordResults_StoresThemForTheComparison()
    {
        var plan = StreamsApp.CompletePlan(Start);
        plan.GmvTarget = 10_000m;
        var id = await fixture.CreateDemoPlanAsync(plan);
        await fixture.Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkReady);

        var outcome = await fixture.Streams.RecordResultsAsync(fixture.Owner, fixture.DemoBrandId, id,
            new StreamResults { Gmv = 8_000.5m, Orders = 80, PeakViewers = 1_500, NewFans = 90, ActualMinutes = 66 });

        outcome.Errors.ShouldBeEmpty();
        var comparison = StreamComparison.Of(await fixture.LoadAsync(id)).ShouldNotBeNull();
        comparison.PlannedMinutes.ShouldBe(60);
        comparison.ActualMinutes.ShouldBe(66);
        comparison.GmvDifference.ShouldBe(-1_999.5m);
        comparison.PeakViewers.ShouldBe(1_500);
    }

    [Fact]
    public async Task RecordResults_WithNegativeNumbers_IsRefused()
    {
        var id = await fixture.CreateDemoPlanAsync(StreamsApp.CompletePlan(Start));
        await fixture.Streams.ApplyAsync(fixture.Owner, fixture.DemoBrandId, id, StreamAction.MarkReady);

        var outcome = await fixture.Streams.RecordResultsAsync(fixture.Owner, fixture.DemoBrandId, id,
            new StreamResults { Gmv = -1m, Orders = 1, ActualMinutes = 60 });

        outcome.Errors.ShouldBe(["GMV cannot be negative."]);
    }
}
