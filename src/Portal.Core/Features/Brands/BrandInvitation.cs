namespace Portal.Core.Features.Brands;

/// <summary>
/// An invitation to join a brand, sent by e-mail as a single-use link. Only the SHA-256 of the
/// link's token is stored, so the database alone cannot be used to accept it.
/// </summary>
public sealed class BrandInvitation : Data.IHasCreatedAt, Data.IBrandAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    /// <summary>Lower-case address the link was sent to.</summary>
    public required string Email { get; set; }

    public required string TokenHash { get; set; }

    public Guid InvitedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? AcceptedByUserId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public InvitationState StateAt(DateTimeOffset now) => InvitationTokens.StateAt(now, AcceptedAt, RevokedAt, ExpiresAt);
}

public enum InvitationState
{
    Valid,
    Expired,
    Used,
    Revoked,
    Unknown,
}
