using System.Security.Claims;
using OpenIddict.Abstractions;
using Portal.Web.Auth;

namespace Portal.Web.Endpoints;

/// <summary>The machine API, version 1. Every route needs an access token from <c>/connect/token</c>.</summary>
public static class ApiV1Endpoints
{
    /// <summary>What <c>GET /api/v1/ping</c> answers: who called, with which scopes, and the server's time.</summary>
    public sealed record PingResponse(string Client, IReadOnlyList<string> Scopes, DateTimeOffset ServerTime);

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(PortalPolicies.ApiClient);
        api.MapGet("/ping", (ClaimsPrincipal user, TimeProvider clock) =>
            TypedResults.Ok(new PingResponse(
                user.GetClaim(OpenIddictConstants.Claims.Subject) ?? "",
                [.. user.GetScopes()],
                clock.GetUtcNow())));
        api.MapMetrics();
        return app;
    }
}
