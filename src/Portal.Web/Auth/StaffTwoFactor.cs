using System.Security.Claims;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Localization;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Accounts.TwoFactor;

namespace Portal.Web.Auth;

/// <summary>Whether staff (SKA operators, admins) must use two-factor sign-in: <c>Auth:RequireTwoFactorForStaff</c>, resolved for the environment.</summary>
public sealed class StaffTwoFactorRequirement(bool required)
{
    public bool Required { get; } = required;

    /// <summary>Whether <paramref name="user"/> is staff who must keep two-factor sign-in on.</summary>
    public bool AppliesTo(ClaimsPrincipal user) =>
        Required && user.Identity?.IsAuthenticated == true
        && (user.IsInRole(PortalRoles.Admin) || user.IsInRole(PortalRoles.SkaOperator));

    /// <summary>Whether <paramref name="user"/> must set up two-factor sign-in before going anywhere else.</summary>
    public bool IsMissingFor(ClaimsPrincipal user) => AppliesTo(user) && !user.HasTwoFactor();
}

public static class StaffTwoFactorExtensions
{
    /// <summary>Where staff without two-factor sign-in are sent.</summary>
    public const string SetupPath = "/Account/Manage/EnableAuthenticator";

    /// <summary>
    /// After authentication: a staff member signed in with the cookie but without two-factor sign-in
    /// reaches only the account pages (to set it up, or sign out) and what those pages need. Pages
    /// redirect to the setup page (GETs keep their address as return URL); the cookie JSON API answers
    /// 403 problem details. Machines with access tokens never carry the cookie and are not affected.
    /// </summary>
    public static IApplicationBuilder UseStaffTwoFactor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var requirement = context.RequestServices.GetRequiredService<StaffTwoFactorRequirement>();
            if (!requirement.IsMissingFor(context.User) || IsAllowedWithout(context))
            {
                await next(context);
                return;
            }

            if (context.Request.Path.StartsWithSegments("/api"))
            {
                var strings = context.RequestServices.GetRequiredService<IStringLocalizer<TwoFactorStrings>>();
                await TypedResults.Problem(strings["TwoFactor_RequiredProblem"], statusCode: StatusCodes.Status403Forbidden, title: strings["TwoFactor_RequiredTitle"])
                    .ExecuteAsync(context);
                return;
            }

            var target = SetupPath;
            if (HttpMethods.IsGet(context.Request.Method))
            {
                target += "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
            }

            context.Response.Redirect(context.Request.PathBase + target);
        });

    private static bool IsAllowedWithout(HttpContext context)
    {
        var path = context.Request.Path;
        return context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            || path.StartsWithSegments("/Account")
            || path.StartsWithSegments("/culture")
            || path.StartsWithSegments("/status")
            || path.StartsWithSegments("/Error")
            || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content")
            // Token and machine endpoints: clients authenticate with access tokens, never the cookie.
            || path.StartsWithSegments("/connect")
            || path.StartsWithSegments("/api/v1")
            || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/testing");
    }
}
