using Portal.Core.Options;

namespace Portal.Core.Features.Notifications;

/// <summary>Settings under <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How far back the milestone and tier catch-up looks for records not yet notified (days).</summary>
    public int CatchUpDays { get; set; } = 7;

    /// <summary>When the daily stalled-brands pass runs (cron, China Standard Time).</summary>
    public string StalledCron { get; set; } = "30 7 * * *";
}

internal sealed class NotificationOptionsValidator : SettingsValidator<NotificationOptions>
{
    protected override void Check(NotificationOptions options, Action<string, string> fail)
    {
        if (options.CatchUpDays is < 1 or > 365)
        {
            fail("Notifications:CatchUpDays", "must be between 1 and 365.");
        }

        if (string.IsNullOrWhiteSpace(options.StalledCron) || options.StalledCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 5 or > 6)
        {
            fail("Notifications:StalledCron", $"must be a cron expression, e.g. '30 7 * * *' (got '{options.StalledCron}').");
        }
    }
}
