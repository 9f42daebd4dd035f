using Portal.Core.Options;

namespace Portal.Core.Time;

/// <summary>Settings under <c>Clock</c>.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>
    /// The instant the app's clock shows when the process starts, ticking on from there; unset means
    /// real time. Development only: test hosts and browser suites set it so that every date they
    /// depend on is theirs, whatever day the machine thinks it is (docs/TESTING.md).
    /// </summary>
    public DateTimeOffset? Start { get; set; }
}

internal sealed class ClockOptionsValidator(bool isDevelopment) : SettingsValidator<ClockOptions>
{
    protected override void Check(ClockOptions options, Action<string, string> fail)
    {
        if (options.Start is not null && !isDevelopment)
        {
            fail("Clock:Start", "is for test hosts and is honoured only in the Development environment; remove it.");
        }
    }
}
