using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Core.Features.Brands;

/// <summary>
/// Single-use invitation links, shared by brand and provider invitations: 256 random bits in the link,
/// only their SHA-256 in the database, so the database alone cannot be used to accept an invitation.
/// </summary>
public static class InvitationTokens
{
    /// <summary>A new token for the link and the hash to store.</summary>
    public static (string Token, string Hash) New()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>The stored form of <paramref name="token"/> (upper-case hex SHA-256).</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Where an invitation stands at <paramref name="now"/>: used, revoked, expired or valid, in that order.</summary>
    public static InvitationState StateAt(DateTimeOffset now, DateTimeOffset? acceptedAt, DateTimeOffset? revokedAt, DateTimeOffset expiresAt) =>
        acceptedAt is not null ? InvitationState.Used
        : revokedAt is not null ? InvitationState.Revoked
        : now >= expiresAt ? InvitationState.Expired
        : InvitationState.Valid;

    /// <summary>The account made for a new person who accepts an invitation: the link reached this mailbox, so it is confirmed.</summary>
    public static Accounts.PortalUser NewAccount(string email, string displayName, string culture) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = displayName.Trim(),
        PreferredCulture = culture,
    };

    /// <summary>Whether <paramref name="token"/> could be one of ours (cheap refusal before a database look-up).</summary>
    public static bool IsPlausible(string? token) => !string.IsNullOrWhiteSpace(token) && token.Length <= 100;
}
