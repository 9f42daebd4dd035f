using Microsoft.AspNetCore.HostFiltering;
using Portal.Core.Features.Links;

namespace Portal.Web.Auth;

public static class PublicHostFiltering
{
    /// <summary>
    /// Outside Development, answers 400 to a request whose Host header is not the host of
    /// <c>Portal:PublicBaseUrl</c>, unless <c>AllowedHosts</c> names its own list. Development (and the
    /// tests and browser suites, on loopback or the test server) keeps accepting any host.
    /// </summary>
    public static IHostApplicationBuilder AddPublicHostFiltering(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var configured = builder.Configuration["AllowedHosts"];
        if (!string.IsNullOrWhiteSpace(configured) && configured.Trim() != "*")
        {
            return builder; // the operator's own list, e.g. the public host plus a proxy's health-check host
        }

        // A missing or malformed address stops the app at start (PortalOptionsValidator), so nothing is opened here.
        if (builder.Configuration[$"{PortalOptions.Section}:{nameof(PortalOptions.PublicBaseUrl)}"] is { Length: > 0 } value
            && PublicLinks.TryParseBase(value, out var publicBase))
        {
            builder.Services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [publicBase.Host]);
        }

        return builder;
    }
}
