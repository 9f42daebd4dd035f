namespace Portal.Core.Time;

/// <summary>
/// The application's clock. It follows the system clock, but can start at another instant
/// (<see cref="ClockOptions.Start"/>, Development only: test hosts and browser suites own their time)
/// and be moved (Development's <c>/testing/clock</c>, tests); it keeps ticking from there.
/// </summary>
public sealed class PortalClock : TimeProvider
{
    private readonly TimeProvider _system;
    private readonly long _startOffsetTicks;
    private long _offsetTicks;

    /// <param name="system">The clock that ticks.</param>
    /// <param name="start">Where "now" is when the clock is made; null for real time.</param>
    public PortalClock(TimeProvider system, DateTimeOffset? start = null)
    {
        _system = system;
        _startOffsetTicks = start is { } instant ? (instant - system.GetUtcNow()).Ticks : 0;
        _offsetTicks = _startOffsetTicks;
    }

    /// <summary>Whether the clock has been moved off the time line it started on (see <see cref="Reset"/>).</summary>
    public bool IsAdjusted => Interlocked.Read(ref _offsetTicks) != _startOffsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        _system.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public override TimeZoneInfo LocalTimeZone => _system.LocalTimeZone;

    public override long GetTimestamp() => _system.GetTimestamp();

    public override long TimestampFrequency => _system.TimestampFrequency;

    /// <summary>Moves the clock so that "now" is <paramref name="now"/>; time keeps running from there.</summary>
    public void MoveTo(DateTimeOffset now) =>
        Interlocked.Exchange(ref _offsetTicks, (now - _system.GetUtcNow()).Ticks);

    /// <summary>
    /// Returns the clock to the time line it started on: real time, or the configured start plus the
    /// time that has passed since, as if it had never been moved.
    /// </summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, _startOffsetTicks);
}
