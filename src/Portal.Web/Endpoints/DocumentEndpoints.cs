using Microsoft.Net.Http.Headers;
using Portal.Core.Features.Documents;

namespace Portal.Web.Endpoints;

/// <summary>
/// <c>GET /documents/{id}/file</c> (download) and <c>/documents/{id}/preview</c> (inline):
/// a certification document's file, for its brand's members, staff, and a service provider's people
/// while the brand's delegation of Documents to their provider runs (<c>DocumentAccess.MayWorkAsync</c>);
/// anyone else gets 404.
/// The content type is the one verified from the file's bytes; <c>nosniff</c> keeps browsers to it.
/// A PDF preview is not sandboxed: Chrome's PDF viewer does not run in a sandboxed document (it shows
/// a blocked page), and a PDF verified by content runs in the viewer's own origin, never in the portal's.
/// Images and downloads stay sandboxed; every answer may be framed by the portal's own pages only.
/// </summary>
public static class DocumentEndpoints
{
    private const string PdfContentType = "application/pdf";

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/documents/{id:guid}").RequireAuthorization().ExcludeFromDescription();
        group.MapGet("/file", (Guid id, HttpContext context, DocumentFileService files, CancellationToken cancellationToken) =>
            SendAsync(id, context, files, inline: false, cancellationToken));
        group.MapGet("/preview", (Guid id, HttpContext context, DocumentFileService files, CancellationToken cancellationToken) =>
            SendAsync(id, context, files, inline: true, cancellationToken));
        return app;
    }

    private static async Task<IResult> SendAsync(Guid id, HttpContext context, DocumentFileService files, bool inline, CancellationToken cancellationToken)
    {
        if (await files.OpenFileAsync(context.User, id, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "private, no-store";
        headers[HeaderNames.ContentSecurityPolicy] = inline && file.ContentType == PdfContentType
            ? "frame-ancestors 'self'"
            // Anything else runs nothing, even if opened directly: no scripts, no plugins, no navigation.
            : "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(file.DisplayName);
        headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return Results.Stream(file.Content, file.ContentType);
    }
}
