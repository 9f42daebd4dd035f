using System.Globalization;
using Portal.Core.Features.Audit;
using Portal.Web.Auth;

namespace Portal.Web.Endpoints;

/// <summary><c>GET /admin/audit/export</c>: the audit entries matching the viewer's filters, as a streamed CSV file. Admins only.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/audit/export", ExportAsync)
            .RequireAuthorization(PortalPolicies.Admin)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The query string the viewer's export link carries for <paramref name="filter"/> (days as yyyy-MM-dd).</summary>
    public static string ExportQuery(string? actor, string? type, string? brand, DateOnly? from, DateOnly? to, string? text)
    {
        var parts = new Dictionary<string, string?>
        {
            ["actor"] = actor,
            ["type"] = type,
            ["brand"] = brand,
            ["from"] = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["q"] = text,
        };
        return string.Join("&", parts.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }

    private static async Task ExportAsync(HttpContext context, AuditLog log, TimeProvider clock, string? actor, string? type, string? brand, string? from, string? to, string? q)
    {
        var (start, end) = AuditFilter.Days(ParseDay(from), ParseDay(to));
        var filter = new AuditFilter(actor, type, null, start, end, q, brand);
        var stamp = Portal.Core.PlatformTime.ToPlatform(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stamp}.csv\"";
        context.Response.Headers.CacheControl = "private, no-store";
        var outcome = await log.ExportCsvAsync(context.User, filter, context.Response.Body, context.RequestAborted);
        if (!outcome.Succeeded && !context.Response.HasStarted)
        {
            context.Response.Headers.ContentDisposition = default;
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    private static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
