using Portal.Web.Components.Shared;

namespace Portal.UnitTests.Web.Components;

/// <summary>A component's overlapping reads: the newest answer decides what the component shows.</summary>
public sealed class LatestLoadTests
{
    [Fact]
    public async Task AnOlderReadThatFinishesLast_IsNotApplied_OverTheNewerAnswer()
    {
        var loads = new LatestLoad();
        var shown = "nothing";
        var older = new TaskCompletionSource<string>();
        var newer = new TaskCompletionSource<string>();

        var first = loads.RunAsync(() => older.Task, answer => shown = answer);
        var second = loads.RunAsync(() => newer.Task, answer => shown = answer);
        newer.SetResult("newer");
        (await second).ShouldBeTrue();
        older.SetResult("older");

        (await first).ShouldBeFalse();
        shown.ShouldBe("newer");
    }

    [Fact]
    public async Task ReadsThatFinishInTheOrderTheyStarted_AreEachApplied()
    {
        var loads = new LatestLoad();
        var shown = new List<string>();
        var older = new TaskCompletionSource<string>();
        var newer = new TaskCompletionSource<string>();

        var first = loads.RunAsync(() => older.Task, shown.Add);
        var second = loads.RunAsync(() => newer.Task, shown.Add);
        older.SetResult("older");
        newer.SetResult("newer");

        (await first).ShouldBeTrue();
        (await second).ShouldBeTrue();
        shown.ShouldBe(["older", "newer"]);
    }

    [Fact]
    public async Task ANewerReadThatFails_LeavesTheOlderAnswerToBeApplied()
    {
        var loads = new LatestLoad();
        var shown = "nothing";
        var older = new TaskCompletionSource<string>();

        var first = loads.RunAsync(() => older.Task, answer => shown = answer);
        await Should.ThrowAsync<InvalidOperationException>(() => loads.RunAsync<string>(() => throw new InvalidOperationException("down"), answer => shown = answer));
        older.SetResult("older");

        (await first).ShouldBeTrue();
        shown.ShouldBe("older");
    }
}
