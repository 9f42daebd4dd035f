namespace Portal.Core.Time;

/// <summary>
/// The application's clock. It follows the system clock, but can be moved to another instant
/// (Development's <c>/testing/clock</c>, tests) and keeps ticking from there.
/// </summary>
public sealed class PortalClock(TimeProvider system) : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Whether the clock has been moved away from real time.</summary>
    public bool IsAdjusted => Interlocked.Read(ref _offsetTicks) != 0;

    public override DateTimeOffset GetUtcNow() =>
        system.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override long GetTimestamp() => system.GetTimestamp();

    public override long TimestampFrequency => system.TimestampFrequency;

    /// <summary>Moves the clock so that "now" is <paramref name="now"/>; time keeps running from there.</summary>
    public void MoveTo(DateTimeOffset now) =>
        Interlocked.Exchange(ref _offsetTicks, (now - system.GetUtcNow()).Ticks);

    /// <summary>Returns the clock to real time.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
