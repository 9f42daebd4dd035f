using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Portal.Core.Options;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Settings under <c>ForwardedHeaders</c>: the reverse proxies whose X-Forwarded-For and
/// X-Forwarded-Proto the portal believes. Loopback is always trusted (a proxy on the same machine).
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

internal sealed class ForwardedHeadersSettingsValidator : SettingsValidator<ForwardedHeadersSettings>
{
    protected override void Check(ForwardedHeadersSettings options, Action<string, string> fail)
    {
        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                fail($"ForwardedHeaders:KnownProxies:{i}", $"must be an IP address, not '{options.KnownProxies[i]}'.");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                fail($"ForwardedHeaders:KnownNetworks:{i}", $"must be a network in CIDR notation (10.0.0.0/8), not '{options.KnownNetworks[i]}'.");
            }
        }
    }
}

/// <summary>
/// Transport security outside Development: forwarded headers from trusted proxies, HTTPS
/// redirection and HSTS, and every cookie (sign-in, antiforgery, culture) marked Secure.
/// Tokens over HTTPS only is the token server's part (Auth:RequireHttps, PortalAuthExtensions).
/// </summary>
public static class Transport
{
    public static IHostApplicationBuilder AddPortalTransport(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.ReadValidated(ForwardedHeadersSettings.Section, new ForwardedHeadersSettingsValidator());
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        if (!builder.Environment.IsDevelopment())
        {
            // A year, subdomains included (ASVS 3.4.1); the framework's default is 30 days.
            builder.Services.AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = true;
            });
            builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
            builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }

        return builder;
    }

    /// <summary>First in the pipeline: the client's real address and scheme for everything after it.</summary>
    public static WebApplication UsePortalTransport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Machines are refused over plain HTTP, never redirected (a redirect follows the secret or token
            // already sent in clear; ASVS 4.1.2): /api answers a 403 problem, /connect OpenIddict's own refusal.
            // Health probes often come over plain HTTP from inside the network (a load balancer, Kubernetes).
            app.UseWhen(
                context => !context.Request.IsHttps && context.Request.Path.StartsWithSegments("/api"),
                api =>
                {
                    api.UseRequestLocalization(); // the refusal is in the caller's language
                    api.Run(context => Problems.HttpsRequired(context).ExecuteAsync(context));
                });
            app.UseWhen(
                context => !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/connect"),
                https => https.UseHttpsRedirection());
            app.UseCookiePolicy();
        }

        return app;
    }
}
