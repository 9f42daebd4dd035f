using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Features.Audit;

namespace Portal.Core.Features.Accounts.TwoFactor;

/// <summary>Where a person's two-factor sign-in stands, for their security page.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool HasAuthenticator, int RecoveryCodesLeft);

/// <summary>The key to enter in an authenticator app: readable in groups of four, and as an otpauth URI for the QR code.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP), as in the ASP.NET Core Identity template:
/// set up a key, turn it on with a code from the app (which also gives ten one-time recovery codes),
/// new recovery codes, reset the key, turn it off. Turning it on or off and new recovery codes are
/// audited (operations <see cref="Operations"/>); keys and codes never appear in the trail.
/// </summary>
public sealed class TwoFactorService(UserManager<PortalUser> users)
{
    public const string Issuer = "STEPS Brand Portal";

    public const int RecoveryCodeCount = 10;

    /// <summary>The audit trail's names for the account changes this service makes.</summary>
    public static class Operations
    {
        public const string Enable = "User.EnableTwoFactor";
        public const string Disable = "User.DisableTwoFactor";
        public const string ResetAuthenticator = "User.ResetAuthenticator";
        public const string NewRecoveryCodes = "User.NewRecoveryCodes";
    }

    public async Task<TwoFactorStatus?> StatusAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        return new TwoFactorStatus(
            await users.GetTwoFactorEnabledAsync(user),
            !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)),
            await users.CountRecoveryCodesAsync(user));
    }

    /// <summary>The person's authenticator key, created on first use.</summary>
    public async Task<AuthenticatorSetup?> SetupAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        var account = await users.GetEmailAsync(user) ?? user.UserName ?? user.Id.ToString();
        return new AuthenticatorSetup(Grouped(key), AuthenticatorUri(account, key));
    }

    /// <summary>
    /// Turns two-factor sign-in on when <paramref name="code"/> is the app's current code, and returns
    /// ten new recovery codes (shown once; earlier ones stop working). Null when the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code)
    {
        if (await users.GetUserAsync(principal) is not { } user
            || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code ?? ""))
        {
            return null;
        }

        using (AuditScope.Begin(principal, Operations.Enable))
        {
            var enabled = await users.SetTwoFactorEnabledAsync(user, true);
            if (!enabled.Succeeded)
            {
                return null;
            }
        }

        return await NewCodesAsync(user);
    }

    /// <summary>Ten new recovery codes, replacing the old ones; null when two-factor sign-in is off.</summary>
    public async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user || !await users.GetTwoFactorEnabledAsync(user))
        {
            return null;
        }

        using (AuditScope.Begin(principal, Operations.NewRecoveryCodes))
        {
            return await NewCodesAsync(user);
        }
    }

    /// <summary>Turns two-factor sign-in off; the key and recovery codes stay until a reset.</summary>
    public async Task<bool> DisableAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return false;
        }

        using var audit = AuditScope.Begin(principal, Operations.Disable);
        return (await users.SetTwoFactorEnabledAsync(user, false)).Succeeded;
    }

    /// <summary>Turns two-factor sign-in off and makes a new key: the old app entry stops working.</summary>
    public async Task<bool> ResetAuthenticatorAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return false;
        }

        using var audit = AuditScope.Begin(principal, Operations.ResetAuthenticator);
        var disabled = await users.SetTwoFactorEnabledAsync(user, false);
        return disabled.Succeeded && (await users.ResetAuthenticatorKeyAsync(user)).Succeeded;
    }

    private async Task<IReadOnlyList<string>> NewCodesAsync(PortalUser user) =>
        [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    /// <summary>The otpauth URI authenticator apps read from the QR code (Google Authenticator's key URI format).</summary>
    internal static string AuthenticatorUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
