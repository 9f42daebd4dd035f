using Microsoft.Extensions.Time.Testing;
using Portal.Core.Time;

namespace Portal.UnitTests.Core;

public sealed class PortalClockTests
{
    [Fact]
    public void MoveTo_ThenTimePasses_KeepsTickingFromTheNewInstant()
    {
        var system = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
        var clock = new PortalClock(system);

        clock.MoveTo(DateTimeOffset.Parse("2027-02-01T00:00:00+08:00"));
        system.Advance(TimeSpan.FromMinutes(5));

        clock.GetUtcNow().ShouldBe(DateTimeOffset.Parse("2027-01-31T16:05:00Z"));
        clock.IsAdjusted.ShouldBeTrue();
    }

    [Fact]
    public void Reset_ReturnsToTheSystemClock()
    {
        var system = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
        var clock = new PortalClock(system);
        clock.MoveTo(DateTimeOffset.Parse("2030-01-01T00:00:00Z"));

        clock.Reset();

        clock.GetUtcNow().ShouldBe(system.GetUtcNow());
        clock.IsAdjusted.ShouldBeFalse();
    }

    [Fact]
    public void Start_ShowsTheConfiguredInstant_AndTicksOnFromIt()
    {
        var system = new FakeTimeProvider(DateTimeOffset.Parse("2027-12-03T10:00:00Z"));
        var clock = new PortalClock(system, DateTimeOffset.Parse("2026-11-16T10:00:00+08:00"));

        system.Advance(TimeSpan.FromMinutes(3));

        clock.GetUtcNow().ShouldBe(DateTimeOffset.Parse("2026-11-16T02:03:00Z"));
        clock.IsAdjusted.ShouldBeFalse("started there, not moved");
    }

    [Fact]
    public void Reset_WithAStart_ReturnsToTheStartedTimeLine_NotToRealTime()
    {
        var system = new FakeTimeProvider(DateTimeOffset.Parse("2027-12-03T10:00:00Z"));
        var clock = new PortalClock(system, DateTimeOffset.Parse("2026-11-16T02:00:00Z"));
        clock.MoveTo(DateTimeOffset.Parse("2030-01-01T00:00:00Z"));
        system.Advance(TimeSpan.FromMinutes(10));

        clock.IsAdjusted.ShouldBeTrue();
        clock.Reset();

        clock.GetUtcNow().ShouldBe(DateTimeOffset.Parse("2026-11-16T02:10:00Z"));
        clock.IsAdjusted.ShouldBeFalse();
    }
}
