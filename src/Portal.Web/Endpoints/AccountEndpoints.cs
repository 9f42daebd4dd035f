using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Features.Accounts;
using Portal.Web.Auth;

namespace Portal.Web.Endpoints;

/// <summary>Account actions that are plain form posts rather than pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", async (SignInManager<PortalUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            // Only rooted local paths: LocalRedirect throws (500) on anything else, e.g. "/\evil.example".
            var target = ReturnUrls.LocalOrRoot(returnUrl);
            return TypedResults.LocalRedirect(target.StartsWith('/') ? target : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
