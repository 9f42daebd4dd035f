using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Portal.Core;
using Portal.Core.Features.Metrics;
using Portal.Core.Options;

namespace Portal.Web.Infrastructure;

/// <summary>Settings under <c>RateLimiting</c>: how many account form posts and token requests one client address may make.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Posts of one account form (sign-in, registration, forgot and reset password) per address per window.</summary>
    public int AccountPermitLimit { get; set; } = 10;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests to <c>/connect/token</c> per address per window.</summary>
    public int TokenPermitLimit { get; set; } = 20;

    public TimeSpan TokenWindow { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class RateLimitingOptionsValidator : SettingsValidator<RateLimitingOptions>
{
    protected override void Check(RateLimitingOptions options, Action<string, string> fail)
    {
        if (options.AccountPermitLimit is < 1 or > 100_000)
        {
            fail("RateLimiting:AccountPermitLimit", "must be between 1 and 100000.");
        }

        if (options.TokenPermitLimit is < 1 or > 100_000)
        {
            fail("RateLimiting:TokenPermitLimit", "must be between 1 and 100000.");
        }

        if (options.AccountWindow < TimeSpan.FromSeconds(1) || options.AccountWindow > TimeSpan.FromHours(1))
        {
            fail("RateLimiting:AccountWindow", "must be between 00:00:01 and 01:00:00.");
        }

        if (options.TokenWindow < TimeSpan.FromSeconds(1) || options.TokenWindow > TimeSpan.FromHours(1))
        {
            fail("RateLimiting:TokenWindow", "must be between 00:00:01 and 01:00:00.");
        }
    }
}

/// <summary>
/// Two rate limiters. Per client address, before authentication (OpenIddict checks a client's
/// secret inside authentication, so a limiter after it would never count wrong secrets): posts of
/// the account forms and token requests. Per API client, after authentication: the metrics API.
/// Both answer 429 with Retry-After; people get the localized status page, machines problem details.
/// </summary>
public static class RateLimiting
{
    public const string MetricsPolicy = "metrics-per-client";

    private static readonly string[] AccountForms = ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ChangePassword"];

    public static IHostApplicationBuilder AddPortalRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedSettings<RateLimitingOptions, RateLimitingOptionsValidator>(builder.Configuration, RateLimitingOptions.Section);
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(MetricsPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
                var client = context.User.GetClaim(OpenIddictConstants.Claims.Subject) ?? ClientAddress(context);
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.RequestsPerMinutePerClient,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (context, _) => RejectAsync(context, "Metrics_TooManyRequests", typeof(MetricsStrings));
        });
        return builder;
    }

    /// <summary>The per-address limiter; call before routing and authentication.</summary>
    public static IApplicationBuilder UsePerAddressRateLimiting(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        return app.UseRateLimiter(new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Bucket(context) switch
            {
                null => RateLimitPartition.GetNoLimiter(""),
                var bucket => RateLimitPartition.GetFixedWindowLimiter($"{bucket} {ClientAddress(context)}", key => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = key.StartsWith("/connect", StringComparison.Ordinal) ? settings.TokenPermitLimit : settings.AccountPermitLimit,
                    Window = key.StartsWith("/connect", StringComparison.Ordinal) ? settings.TokenWindow : settings.AccountWindow,
                    QueueLimit = 0,
                }),
            }),
            OnRejected = (context, _) => RejectAsync(context, "Api_TooManyRequests", typeof(ApiSecurityStrings)),
        });
    }

    /// <summary>Which limited form or endpoint a request posts to, or null when it is not limited by address.</summary>
    private static string? Bucket(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return null;
        }

        // Routing also takes "/Account/Login/": the same form, the same count.
        var path = (context.Request.Path.Value ?? "").TrimEnd('/');
        if (path.Equals("/connect/token", StringComparison.OrdinalIgnoreCase))
        {
            return "/connect/token";
        }

        return AccountForms.FirstOrDefault(form => path.Equals(form, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The client's address (the proxy's client once forwarded headers are applied); for IPv6 its /64
    /// network, since one subscriber commonly holds a whole /64 and could rotate through it.
    /// </summary>
    internal static string ClientAddress(HttpContext context) => PartitionOf(context.Connection.RemoteIpAddress);

    internal static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return IPAddress.None.ToString();
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, string key, Type strings)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (!IsMachine(http.Request.Path))
        {
            return; // The status-code pages re-execute to /status/429: a page in the person's language.
        }

        var localizer = (IStringLocalizer)http.RequestServices.GetRequiredService(typeof(IStringLocalizer<>).MakeGenericType(strings));
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: localizer[key]).ExecuteAsync(http);
    }

    private static bool IsMachine(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/connect");
}
