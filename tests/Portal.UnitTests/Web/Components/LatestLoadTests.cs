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

    [Fact]
    public async Task AnAnswerForTheKeyShownBefore_IsNotApplied_EvenWhenItComesFirst()
    {
        var loads = new LatestLoad();
        var shown = "nothing";
        var before = new TaskCompletionSource<string>();
        var now = new TaskCompletionSource<string>();

        var first = loads.RunAsync("brand-a", () => before.Task, answer => shown = answer);
        var second = loads.RunAsync("brand-b", () => now.Task, answer => shown = answer);
        before.SetResult("brand A's members");

        (await first).ShouldBeFalse();
        shown.ShouldBe("nothing");
        now.SetResult("brand B's members");
        (await second).ShouldBeTrue();
        shown.ShouldBe("brand B's members");
    }

    [Fact]
    public async Task AnAnswerForTheSameKey_ThatComesFirst_IsApplied()
    {
        var loads = new LatestLoad();
        var shown = new List<string>();
        var older = new TaskCompletionSource<string>();
        var newer = new TaskCompletionSource<string>();

        var first = loads.RunAsync("brand-a", () => older.Task, shown.Add);
        var second = loads.RunAsync("brand-a", () => newer.Task, shown.Add);
        older.SetResult("before the action");
        newer.SetResult("after the action");

        (await first).ShouldBeTrue();
        (await second).ShouldBeTrue();
        shown.ShouldBe(["before the action", "after the action"]);
    }

    [Fact]
    public void Switches_OnlyWhenTheAddressNamesAnotherKey_AndBackAgain()
    {
        var loads = new LatestLoad();

        loads.Switches("").ShouldBeTrue(); // the first parameters, even an empty code
        loads.Switches("").ShouldBeFalse();
        loads.Switches("tea").ShouldBeTrue();
        loads.Switches("tea").ShouldBeFalse(); // parameters set again for the same address
        loads.Switches("moon").ShouldBeTrue();
        loads.Switches("tea").ShouldBeTrue(); // back to the first: read it again
        loads.Switches(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).ShouldBeTrue();
        loads.Switches(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).ShouldBeFalse(); // ids compare by value
    }
}
