using Portal.Core.Options;

namespace Portal.Core.Features.Applications;

/// <summary>Settings under <c>Applications</c>.</summary>
public sealed class ApplicationOptions
{
    public const string Section = "Applications";

    /// <summary>Working days (Monday to Friday) staff have to decide on a submitted application.</summary>
    public int ReviewTargetWorkingDays { get; set; } = 3;

    /// <summary>Days a rejected brand waits before it may apply again.</summary>
    public int ReapplyWaitingDays { get; set; } = 30;

    /// <summary>Days an invitation to join a brand stays valid.</summary>
    public int InvitationValidDays { get; set; } = 7;
}

internal sealed class ApplicationOptionsValidator : SettingsValidator<ApplicationOptions>
{
    protected override void Check(ApplicationOptions options, Action<string, string> fail)
    {
        if (options.ReviewTargetWorkingDays is < 1 or > 60)
        {
            fail("Applications:ReviewTargetWorkingDays", "must be between 1 and 60.");
        }

        if (options.ReapplyWaitingDays is < 0 or > 365)
        {
            fail("Applications:ReapplyWaitingDays", "must be between 0 and 365.");
        }

        if (options.InvitationValidDays is < 1 or > 90)
        {
            fail("Applications:InvitationValidDays", "must be between 1 and 90.");
        }
    }
}
