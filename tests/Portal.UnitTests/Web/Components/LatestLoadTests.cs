using Portal.Web.Components.Shared;

namespace Portal.UnitTests.Web.Components;

/// <summary>A component's overlapping reads: the read started last decides what the component shows.</summary>
public sealed class LatestLoadTests
{
    [Fact]
    public async Task AnEarlierReadThatFinishesLast_IsNotApplied_AndTheLaterOneIs()
    {
        var loads = new LatestLoad();
        var shown = "nothing";
        var before = new TaskCompletionSource<string>();
        var after = new TaskCompletionSource<string>();

        var first = loads.RunAsync(() => before.Task, answer => shown = answer);
        var second = loads.RunAsync(() => after.Task, answer => shown = answer);
        after.SetResult("rejected");
        (await second).ShouldBeTrue();
        before.SetResult("applied");

        (await first).ShouldBeFalse();
        shown.ShouldBe("rejected");
    }

    [Fact]
    public async Task ReadsThatFinishInTheOrderTheyStarted_AreEachApplied()
    {
        var loads = new LatestLoad();
        var shown = new List<string>();

        (await loads.RunAsync(() => Task.FromResult("first"), shown.Add)).ShouldBeTrue();
        (await loads.RunAsync(() => Task.FromResult("second"), shown.Add)).ShouldBeTrue();

        shown.ShouldBe(["first", "second"]);
    }

    [Fact]
    public async Task AReadThatFails_AppliesNothing_AndTheNextReadStillCounts()
    {
        var loads = new LatestLoad();
        var shown = "nothing";

        await Should.ThrowAsync<InvalidOperationException>(() => loads.RunAsync<string>(() => throw new InvalidOperationException("down"), answer => shown = answer));
        (await loads.RunAsync(() => Task.FromResult("back"), answer => shown = answer)).ShouldBeTrue();

        shown.ShouldBe("back");
    }
}
