using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Headers on every response: a content security policy, nosniff, referrer and permissions
/// policies, and no framing. Pages allow scripts from the portal itself plus the per-request nonce
/// on Blazor's inline import map; styles also inline (MudBlazor writes style attributes and its
/// theme as a style element); connections to the portal itself (Blazor's WebSocket, enhanced
/// navigation). Scalar's page (/scalar) runs inline scripts and gets its own, looser policy.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "portal.csp-nonce";

    private const string Common = "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>The nonce of this response's policy, for an inline script the portal itself writes.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            // Hex: no character that HTML attribute encoding would change.
            nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // An endpoint with its own policy keeps it (a document preview may be framed by the portal).
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = Policy(context);
                    headers.XFrameOptions = "DENY";
                }

                headers.XContentTypeOptions = "nosniff";
                Default(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
                Default(headers, "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
                Default(headers, "Cross-Origin-Opener-Policy", "same-origin");
                return Task.CompletedTask;
            });
            return next(context);
        });

    private static void Default(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }

    private static string Policy(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/scalar")
            ? $"{Common}; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:"
            : $"{Common}; script-src 'self' 'nonce-{Nonce(context)}'; style-src 'self' 'unsafe-inline'";
}
