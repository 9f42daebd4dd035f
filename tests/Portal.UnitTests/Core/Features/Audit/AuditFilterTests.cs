using Portal.Core.Features.Audit;

namespace Portal.UnitTests.Core.Features.Audit;

/// <summary>The audit filter's days, as the viewer and the export (<c>?from=&amp;to=</c>) pass them.</summary>
public sealed class AuditFilterTests
{
    [Fact]
    public void Days_AreWholePlatformDays_BothIncluded()
    {
        var (from, to) = AuditFilter.Days(new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 13));

        from.ShouldBe(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.FromHours(8)));
        to.ShouldBe(new DateTimeOffset(2026, 11, 14, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Days_AtTheEndsOfTheCalendar_LeaveThatSideOpen_NotAnError()
    {
        // The first day starts before year 1 in UTC and the last has no next day: both mean "no limit".
        AuditFilter.Days(DateOnly.MinValue, DateOnly.MaxValue).ShouldBe((null, null));
        AuditFilter.Days(DateOnly.MinValue.AddDays(1), DateOnly.MaxValue.AddDays(-1)).From.ShouldNotBeNull();
    }
}
