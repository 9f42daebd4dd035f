using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Core.Features.Accounts.TwoFactor;

/// <summary>
/// The sign-in cookie says whether the account has two-factor sign-in on, so the staff requirement
/// is checked without a database query per request. The claim follows the account: it is written at
/// sign-in, when a page refreshes the sign-in, and whenever the security stamp is re-validated
/// (turning two-factor on or off changes the stamp).
/// </summary>
public static class TwoFactorClaims
{
    public const string Enabled = "portal:2fa";

    public static bool HasTwoFactor(this ClaimsPrincipal user) => user.HasClaim(Enabled, "true");
}

/// <summary>Identity's claims, plus <see cref="TwoFactorClaims.Enabled"/> for an account with two-factor sign-in on.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorClaims.Enabled, "true"));
        }

        return identity;
    }
}
