using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Web.Auth;

/// <summary>
/// Runs Identity's security stamp check only when it is due. Identity's own hook builds its validator, and with it a
/// sign-in manager, a user manager and a database context, on every request that carries the cookie (a stylesheet's
/// too) before deciding that nothing is due; a page's WebSocket request then holds them for the life of its circuit.
/// The rule is Identity's (<c>SecurityStampValidator.ValidateAsync</c>): a ticket with no issue time, or one older than
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/> by the same clock. When due, Identity's hook runs unchanged.
/// A validator of our own with another timing rule would need this rule changed with it.
/// </summary>
internal static class SecurityStampCheck
{
    /// <summary>Wraps the cookie's current <c>OnValidatePrincipal</c> (Identity's stamp check) so it runs only when due.</summary>
    public static void OnlyWhenDue(CookieAuthenticationEvents events)
    {
        var check = events.OnValidatePrincipal;
        events.OnValidatePrincipal = context => IsDue(context) ? check(context) : Task.CompletedTask;
    }

    /// <summary>Whether Identity's validator would check the stamp of this request's ticket.</summary>
    public static bool IsDue(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>()).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now.Subtract(issued) > options.ValidationInterval;
    }
}
