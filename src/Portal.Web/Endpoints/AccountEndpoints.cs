using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Features.Accounts;
using Portal.Web.Auth;

namespace Portal.Web.Endpoints;

/// <summary>Account actions that are plain form posts rather than pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/Account/Logout", SignOutAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Signs out and goes to the form's return address. The antiforgery middleware has checked the form's token
    /// (the metadata above asks it to); a post that is not a form, or whose token is missing or wrong, changes
    /// nothing and is answered 400. Checked here, not through <c>[FromForm]</c> binding: the request delegate
    /// generator's form binding reads the form without looking at that check, and fails with a 500.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<PortalUser> signIn)
    {
        // The middleware leaves its verdict only on a form post (absent: not a form); reading anything of the form
        // of a refused post throws, so the verdict is looked at first.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        await signIn.SignOutAsync();
        // Only rooted local paths: LocalRedirect throws (500) on anything else, e.g. "/\evil.example".
        var target = ReturnUrls.LocalOrRoot(form["returnUrl"]);
        return Results.LocalRedirect(target.StartsWith('/') ? target : "/");
    }
}
