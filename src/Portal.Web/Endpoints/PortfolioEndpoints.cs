using Microsoft.Net.Http.Headers;
using Portal.Core;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Portfolio;

namespace Portal.Web.Endpoints;

/// <summary>
/// The staff portfolio over HTTP, with the page's own query parameters (<see cref="PortfolioSpec.FromQuery"/>):
/// <c>GET /ops/portfolio/data</c> answers the page the grid shows as JSON; <c>GET /ops/portfolio/export?format=csv|xlsx</c>
/// streams every matching row; <c>GET /ops/portfolio/export/{id}</c> hands over a file the page exported in the
/// background (with progress). Anyone but staff gets 404, like every other record they may not see.
/// </summary>
public static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolioEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ops/portfolio").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/data", async (HttpContext context, PortfolioQuery portfolio, CancellationToken cancellationToken) =>
        {
            var page = await portfolio.PageAsync(context.User, PortfolioSpec.FromQuery(context.Request.Query), cancellationToken);
            return page.Succeeded ? Results.Ok(page.Value) : Results.NotFound();
        });
        group.MapGet("/export", ExportAsync);
        group.MapGet("/export/{id:guid}", (Guid id, HttpContext context, PortfolioExports exports) =>
        {
            if (exports.Open(context.User, id) is not { } file)
            {
                return Results.NotFound();
            }

            context.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            return Results.Stream(file.Content, file.ContentType, file.FileName);
        });
        return app;
    }

    private static async Task ExportAsync(HttpContext context, PortfolioQuery portfolio, PortfolioExportWriter writer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var format = string.Equals(context.Request.Query["format"], "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv;
        var spec = PortfolioSpec.FromQuery(context.Request.Query);
        var count = await portfolio.CountAsync(context.User, spec, cancellationToken);
        if (!count.Succeeded || !BrandDirectory.IsStaff(context.User))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = context.Response;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(PortfolioExportWriter.FileName(format, PlatformTime.DayOf(clock.GetUtcNow())));
        response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        // The row count up front, so a client reading the stream can show progress.
        response.Headers["X-Total-Rows"] = count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = PortfolioExportWriter.ContentType(format);
        var rows = portfolio.AllAsync(context.User, spec, cancellationToken);
        if (format == ExportFormat.Csv)
        {
            await writer.WriteCsvAsync(response.Body, rows, null, cancellationToken);
            return;
        }

        // MiniExcel writes a zip package synchronously: into a temp file first, then streamed out.
        var path = Path.GetTempFileName();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await writer.WriteXlsxAsync(file, rows, null, cancellationToken);
        file.Position = 0;
        response.ContentLength = file.Length;
        await file.CopyToAsync(response.Body, cancellationToken);
    }
}
