using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Which error pages keep the portal's frame (app bar, account menu, navigation). The status-code pages
/// re-execute every browser error to <c>/status/{code}</c>. A <c>GET</c> of an address that is no page (404),
/// or of a portal page the signed-in person may not open (403), is answered by the portal itself
/// (<see cref="Components.App"/>): its router, seeing the original address, shows the not-found page or the
/// access-denied notice inside the layout, and the page is interactive. Everything else (other methods,
/// a 403 from a non-Blazor endpoint such as <c>/jobs</c>, 401, 429...) gets the standalone status document.
/// </summary>
public static class FramedStatusPages
{
    /// <summary>Whether this (re-executed) request shows its error inside the portal's frame.</summary>
    public static bool KeepsTheFrame(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return false;
        }

        return context.Features.Get<IStatusCodeReExecuteFeature>() switch
        {
            { OriginalStatusCode: StatusCodes.Status404NotFound } => true,
            { OriginalStatusCode: StatusCodes.Status403Forbidden, Endpoint: { } endpoint } => endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null,
            _ => false,
        };
    }

    /// <summary>The answer of <c>/status/{code}</c>.</summary>
    public static IResult Page(int code, HttpContext context) =>
        KeepsTheFrame(context)
            ? new RazorComponentResult<Components.App>()
            : new RazorComponentResult<Components.Pages.StatusDocument>(new { Code = code });
}
