using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Portal.Core.Features.Accounts.TwoFactor;

/// <summary>
/// Checks authenticator-app codes on the portal's clock (Identity's own provider reads the machine
/// clock, which the testing clock and tests cannot move) and accepts each code once: a code seen at
/// sign-in cannot be replayed within its validity window. Registered under Identity's authenticator
/// provider name, so <see cref="SignInManager{TUser}"/> uses it.
/// </summary>
public sealed class PortalAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    /// <summary>Where the last accepted step is kept (the user's authentication tokens).</summary>
    internal const string LoginProvider = "[PortalAuthenticator]";

    internal const string LastStepName = "LastAcceptedStep";

    /// <summary>Steps either side of now that are accepted: a phone's clock may be off by up to 30 seconds.</summary>
    private const int Drift = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The authenticator app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var digits = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || digits.Length != 6
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var secret = Totp.DecodeKey(key);
        var now = Totp.StepAt(clock.GetUtcNow());
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName), NumberStyles.None, CultureInfo.InvariantCulture, out var seen)
            ? seen
            : long.MinValue;
        for (var step = now - Drift; step <= now + Drift; step++)
        {
            if (step > last && Totp.Code(secret, step) == code)
            {
                // The write fails (concurrency stamp) if another request used a code of this account since
                // we read the last step: only one of two simultaneous uses of a code signs in.
                var recorded = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
                return recorded.Succeeded;
            }
        }

        return false;
    }
}
