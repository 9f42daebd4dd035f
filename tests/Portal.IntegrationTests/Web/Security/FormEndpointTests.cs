using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Security;

/// <summary>
/// Form posts to minimal APIs check the antiforgery verdict themselves. The request delegate generator's
/// <c>[FromForm]</c> binding reads the form without looking at it, so a post without its token fails with a 500
/// (docs/TESTING.md, "Minimal APIs' request delegates, generated at build time"); a new endpoint that binds a form
/// that way shows up here by the antiforgery metadata the generator gives it.
/// </summary>
public sealed class FormEndpointTests
{
    [Fact]
    public async Task EveryMinimalApiThatChecksAntiforgery_IsOneThatReadsTheVerdictItself()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        app.CreateClient().Dispose();

        var formPosts = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        // AccountEndpoints.SignOutAsync; ReturnUrlTests posts it without its token.
        formPosts.ShouldBe(["/Account/Logout"]);
    }
}
