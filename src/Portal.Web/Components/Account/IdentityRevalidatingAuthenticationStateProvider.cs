using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Accounts;
using Portal.Web.Auth;

namespace Portal.Web.Components.Account;

/// <summary>
/// Re-checks the signed-in user for an open interactive page every <see cref="AuthOptions.RevalidationInterval"/>
/// (one minute by default): a changed security stamp (password, roles, disabled by an admin), a
/// disabled or removed account ends the session, and so does signing out elsewhere (the server-side
/// sign-in is gone, <see cref="DatabaseTicketStore"/>); the page then shows the sign-in page.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<AuthOptions> authOptions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => authOptions.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<DatabaseTicketStore>();
        if (!await sessions.IsActiveAsync(authenticationState.User, cancellationToken))
        {
            return false;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await IsStillValidAsync(users, options.Value, authenticationState.User);
    }

    /// <summary>Whether <paramref name="principal"/> still stands for an enabled account with the same security stamp.</summary>
    internal static async Task<bool> IsStillValidAsync(UserManager<PortalUser> users, IdentityOptions options, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await users.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
