namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Where every test host's clock starts (setting <c>Clock:Start</c>): a Monday morning in Beijing. Tests
/// own their time: whatever day the machine thinks it is, the app's "now" begins here and ticks on,
/// and a test that needs another day moves the app's clock (<c>app.Clock.MoveTo</c>).
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8));
}
