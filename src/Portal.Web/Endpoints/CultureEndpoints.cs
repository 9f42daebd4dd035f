using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Portal.Core.Features.Accounts;
using Portal.Core.Localization;
using Portal.Web.Auth;

namespace Portal.Web.Endpoints;

/// <summary><c>GET /culture/set?culture=zh-CN&amp;redirectUri=/x</c>: remembers the language in a cookie (and on the account) and goes back.</summary>
public static class CultureEndpoints
{
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", async (string? culture, string? redirectUri, HttpContext context, UserManager<PortalUser> users) =>
        {
            var chosen = PortalCultures.Normalize(culture);
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });

            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != chosen)
            {
                user.PreferredCulture = chosen;
                await users.UpdateAsync(user);
            }

            // The account pages' rule for return addresses: an address off this site, or one with a control character
            // (which LocalRedirect would throw on, after the choice was saved), goes to the start page.
            return Results.Redirect(ReturnUrls.LocalOrRoot(redirectUri));
        }).ExcludeFromDescription();
        return app;
    }
}
