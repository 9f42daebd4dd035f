using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Portal.Core.Features.Seeding;
using Portal.Web.Auth;
using Scalar.AspNetCore;

namespace Portal.Web.Endpoints;

/// <summary>
/// The OpenAPI document (API v1 and the people's comment API, with the OAuth2 client-credentials
/// scheme so <c>/scalar</c> can fetch a token) and the examples of the metrics operations.
/// </summary>
public static class MetricsApiDocs
{
    public const string OAuthScheme = "oauth2";

    public static IHostApplicationBuilder AddPortalOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "STEPS Brand Portal API";
                document.Info.Description = "Machine API (/api/v1): get a token from POST /connect/token (client credentials) with scope metrics.write or metrics.read and send it as 'Authorization: Bearer <token>' (never in the query string). "
                    + "A client limited to some brands is refused (403) for any other brand. "
                    + "People's API (/api/brands/{code}/comments): sign in to the portal and send its cookie (portal.auth); a token is not accepted there, and posts must be JSON.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[OAuthScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth 2.0 client credentials: POST /connect/token with client_id, client_secret and scope (form-encoded).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = new Dictionary<string, string>
                            {
                                [PortalScopes.MetricsWrite] = "Write daily store figures (PUT and PATCH /api/v1/metrics/daily).",
                                [PortalScopes.MetricsRead] = "Read a brand's daily figures.",
                            },
                        },
                    },
                };
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and Scalar at <c>/scalar</c>: open in Development, staff only elsewhere.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        var document = app.MapOpenApi();
        var scalar = app.MapScalarApiReference(options => options
            .WithTitle("STEPS Brand Portal API")
            // Fonts from the page's own origin: the content security policy allows no other.
            .DisableDefaultFonts()
            .AddPreferredSecuritySchemes(OAuthScheme)
            .AddClientCredentialsFlow(OAuthScheme, flow => flow.WithSelectedScopes(PortalScopes.MetricsWrite, PortalScopes.MetricsRead)));
        if (!app.Environment.IsDevelopment())
        {
            document.RequireAuthorization(PortalPolicies.Staff);
            scalar.RequireAuthorization(PortalPolicies.Staff);
        }

        return app;
    }

    /// <summary>Declares that the operation needs a token with <paramref name="scope"/>.</summary>
    public static RouteHandlerBuilder RequiresOAuthScope(this RouteHandlerBuilder route, string scope) =>
        route.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(OAuthScheme, context.Document)] = [scope],
            });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid access token." });
            return Task.CompletedTask;
        });

    /// <summary>The request and answer examples of PUT and PATCH /api/v1/metrics/daily.</summary>
    public static Task DailyExamples(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = JsonNode.Parse("""
                {"rows":[{"brand":"demo-tea","date":"2026-07-31","gmv":123456.78,"orders":2100,"paidOrders":2050,"streams":2,"liveMinutes":360,"peakViewers":5400,"newFans":820,"fans":201500,"fanGroupMembers":12800,"repurchaseRate":0.7,"distributionGmv":40000.00,"influencers":35,"adSpend":8000.00,"adGmv":26500.50,"exclusiveSkus":3},
                         {"brand":"demo-tea","date":"2026-08-01","gmv":98000.00,"streams":1}]}
                """);
        }

        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var okBody) == true)
        {
            okBody.Example = JsonNode.Parse("""{"inserted":1,"updated":0,"unchanged":1}""");
        }

        if (operation.Responses?.TryGetValue("422", out var invalid) == true && invalid.Content?.TryGetValue("application/problem+json", out var problem) == true)
        {
            problem.Example = JsonNode.Parse("""
                {"type":"https://tools.ietf.org/html/rfc4918#section-11.2","title":"The batch was not accepted and nothing was written: see the errors.","status":422,
                 "errors":[{"index":0,"field":"brand","reason":"There is no brand with the code 'nobody'."},{"index":3,"field":"gmv","reason":"The figure cannot be negative."}]}
                """);
        }

        if (operation.Responses?.TryGetValue("403", out var refused) == true && refused.Content?.TryGetValue("application/problem+json", out var scope) == true)
        {
            scope.Example = JsonNode.Parse("""
                {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"This client may not touch the brand(s) silver-moon; nothing was written.","status":403,"brands":["silver-moon"]}
                """);
        }

        return Task.CompletedTask;
    }

    /// <summary>The answer example of GET /api/v1/brands/{code}/metrics.</summary>
    public static Task BrandMetricsExample(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = JsonNode.Parse("""
                {"brand":"demo-tea","from":"2026-07-31","to":"2026-08-01","days":[
                  {"date":"2026-07-31","gmv":123456.78,"orders":2100,"paidOrders":2050,"streams":2,"liveMinutes":360,"peakViewers":5400,"newFans":820,"fans":201500,"fanGroupMembers":12800,"repurchaseRate":0.7,"distributionGmv":40000.00,"influencers":35,"adSpend":8000.00,"adGmv":26500.50,"exclusiveSkus":3},
                  {"date":"2026-08-01","gmv":98000.00,"orders":null,"paidOrders":null,"streams":1,"liveMinutes":null,"peakViewers":null,"newFans":null,"fans":null,"fanGroupMembers":null,"repurchaseRate":null,"distributionGmv":null,"influencers":null,"adSpend":null,"adGmv":null,"exclusiveSkus":null}]}
                """);
        }

        return Task.CompletedTask;
    }
}
