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
}
