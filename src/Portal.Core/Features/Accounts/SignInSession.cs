namespace Portal.Core.Features.Accounts;

/// <summary>
/// A browser sign-in kept on the server: the sign-in cookie carries only a random key whose hash is
/// <see cref="KeyHash"/>. Signing out deletes the row, so a copy of the cookie kept from before stops
/// working; rows outlive a restart, so do the sign-ins.
/// </summary>
public sealed class SignInSession
{
    /// <summary>SHA-256 of the cookie's key (base64url): the database never holds a usable key.</summary>
    public string KeyHash { get; set; } = "";

    public Guid? UserId { get; set; }

    /// <summary>The serialized authentication ticket (claims and properties).</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the sign-in ends unless renewed (sliding expiration); null means the ticket carries none.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
