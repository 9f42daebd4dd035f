namespace Portal.Core.Features.Providers;

/// <summary>The five capabilities the platform scores a service provider (服务商) on.</summary>
[Flags]
public enum ProviderCapability
{
    None = 0,

    /// <summary>流量营销.</summary>
    TrafficMarketing = 1,

    /// <summary>主播孵化.</summary>
    StreamerIncubation = 2,

    /// <summary>供应链.</summary>
    SupplyChain = 4,

    /// <summary>直播运营.</summary>
    LiveOperations = 8,

    /// <summary>服务履约.</summary>
    Fulfilment = 16,
}

/// <summary>Where a provider stands with the platform: staff register providers as active; a provider that applies waits for review.</summary>
public enum ProviderStatus
{
    /// <summary>Applied by itself; staff have not decided. Brands cannot authorise it yet.</summary>
    Applied,

    /// <summary>Registered by staff or approved: brands may authorise it.</summary>
    Active,

    /// <summary>Staff turned the application down (with a reason).</summary>
    Rejected,

    /// <summary>Staff stopped an active provider (with a reason): it reaches no brand until they reinstate it.</summary>
    Suspended,
}

/// <summary>
/// A service provider (服务商): an agency that operates brands' stores for them (代运营). It reaches a brand
/// only through a <see cref="BrandDelegation"/> the brand's owner granted.
/// </summary>
public sealed class Provider : Data.IHasCreatedAt, Data.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Lower-case slug, unique; pages name providers by it (<c>/ops/providers/{code}</c>).</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public required string CompanyName { get; set; }

    public ProviderCapability Capabilities { get; set; }

    public required string ContactName { get; set; }

    public required string ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public ProviderStatus Status { get; set; } = ProviderStatus.Applied;

    /// <summary>Staff's reason when they rejected the application.</summary>
    public string? DecisionReason { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ProviderMember> Members { get; } = [];

    /// <summary>The name in the reader's language, falling back to the other one.</summary>
    public string DisplayName(System.Globalization.CultureInfo culture) => ProviderNames.Display(culture, NameZh, NameEn);
}

/// <summary>A person's place in a provider: the manager invites colleagues; operators work on the brands.</summary>
public enum ProviderRole
{
    Manager,
    Operator,
}

/// <summary>A user's membership of a provider. A person works for one provider at a time.</summary>
public sealed class ProviderMember : Data.IAudited
{
    public Guid ProviderId { get; set; }

    public Guid UserId { get; set; }

    public ProviderRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>An invitation to join a provider, sent by e-mail as a single-use link (only the token's SHA-256 is stored).</summary>
public sealed class ProviderInvitation : Data.IHasCreatedAt, Data.IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProviderId { get; set; }

    /// <summary>Lower-case address the link was sent to.</summary>
    public required string Email { get; set; }

    public required string TokenHash { get; set; }

    public ProviderRole Role { get; set; } = ProviderRole.Operator;

    public Guid InvitedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? AcceptedByUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public Brands.InvitationState StateAt(DateTimeOffset now) => Brands.InvitationTokens.StateAt(now, AcceptedAt, RevokedAt, ExpiresAt);
}

/// <summary>Bilingual names, shown in the reader's language.</summary>
public static class ProviderNames
{
    public static string Display(System.Globalization.CultureInfo culture, string zh, string en) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? (string.IsNullOrWhiteSpace(zh) ? en : zh)
            : (string.IsNullOrWhiteSpace(en) ? zh : en);
}
