namespace Portal.Core.Features.Providers;

/// <summary>The parts of a brand its owner can hand to a provider.</summary>
[Flags]
public enum DelegatedArea
{
    None = 0,

    /// <summary>STAGE stream plans (the streams pages).</summary>
    StreamPlans = 1,

    /// <summary>STEPS tasks on the journey board.</summary>
    StepsTasks = 2,

    /// <summary>Daily metrics: CSV import on the page, and the metrics API for the provider's own API clients.</summary>
    MetricsImport = 4,

    /// <summary>Qualification documents: upload and replace.</summary>
    Documents = 8,

    /// <summary>The message thread with SKA staff.</summary>
    Messages = 16,
}

/// <summary>
/// A brand's owner authorising a provider for chosen <see cref="Areas"/> of the brand, from
/// <see cref="StartsOn"/> to <see cref="EndsOn"/> (platform days, both included; no end = until revoked).
/// Revocation ends it at once. Rows are never deleted: the scorecard counts GMV inside past periods.
/// </summary>
public sealed class BrandDelegation : Data.IHasCreatedAt, Data.IBrandAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public Guid ProviderId { get; set; }

    public DelegatedArea Areas { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public Guid GrantedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Guid? RevokedByUserId { get; set; }

    /// <summary>Whether the delegation runs on <paramref name="today"/> (a platform day).</summary>
    public bool IsActiveOn(DateOnly today) => RevokedAt is null && StartsOn <= today && (EndsOn is null || today <= EndsOn);

    /// <summary>
    /// The last platform day it covered or will cover: its end, or the day it was revoked (null: open-ended). Revoked
    /// before it started, it covered nothing: the day before <see cref="StartsOn"/>, so the period is empty.
    /// </summary>
    public DateOnly? LastDay =>
        RevokedBeforeStart(StartsOn, RevokedAt) ? StartsOn.AddDays(-1)
        : RevokedAt is { } revoked ? Min(PlatformTime.DayOf(revoked), EndsOn)
        : EndsOn;

    /// <summary>Whether a delegation starting on <paramref name="startsOn"/> was revoked (at <paramref name="revokedAt"/>) before its first day: it never ran.</summary>
    public static bool RevokedBeforeStart(DateOnly startsOn, DateTimeOffset? revokedAt) =>
        revokedAt is { } revoked && PlatformTime.DayOf(revoked) < startsOn;

    private static DateOnly Min(DateOnly a, DateOnly? b) => b is { } other && other < a ? other : a;
}
