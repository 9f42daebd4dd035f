namespace Portal.Core.Features.AdminConfig;

/// <summary>
/// An administrator's override of one setting, keyed as in appsettings.json (<c>Tiers:KaMonthlyGmv</c>).
/// The configuration files stay the defaults; a row here wins over them for as long as it exists
/// (see <see cref="SettingsOverrideStore"/>). Values are stored in the invariant culture.
/// </summary>
public sealed class PortalSetting : Data.IAudited
{
    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedByUserId { get; set; }

    /// <summary>Optimistic concurrency: two administrators saving at once cannot both win.</summary>
    public int Revision { get; set; }
}
