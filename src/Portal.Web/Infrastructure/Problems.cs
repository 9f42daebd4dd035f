using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Portal.Web.Infrastructure;

/// <summary>The security pipeline's problem details (RFC 9457), in the request's language.</summary>
public static class Problems
{
    public static ProblemHttpResult UnsupportedMediaType(HttpContext http) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: Strings(http)["Api_UnsupportedMediaType"]);

    /// <summary>403 for an API call over plain HTTP outside Development: machines are refused, never redirected.</summary>
    public static ProblemHttpResult HttpsRequired(HttpContext http) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Strings(http)["Api_HttpsRequired"]);

    /// <summary>400 naming the query parameter that is not a yyyy-MM-dd date.</summary>
    public static ProblemHttpResult BadParameter(HttpContext http, string parameter) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: Strings(http)["Api_BadDateParameter", parameter],
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>403 naming every brand outside the client's brand scope (codes as sent, normalized).</summary>
    public static ProblemHttpResult BrandsOutOfScope(HttpContext http, IReadOnlyList<string> brands) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: Strings(http)["Api_BrandsOutOfScope", string.Join(", ", brands)],
            extensions: new Dictionary<string, object?> { ["brands"] = brands });

    /// <summary>
    /// Gives a problem that only has a status (written by the status-code pages for a 404, 405 or
    /// 415 that routing decided) a title in the request's language instead of the English reason phrase;
    /// and an unexpected error (500, written by the exception handler, whose title is the framework's
    /// English sentence) the portal's own, since no endpoint answers 500 on purpose.
    /// </summary>
    public static void LocalizeStatusTitle(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is not { } status
            || (problem.Title != ReasonPhrases.GetReasonPhrase(status) && status != StatusCodes.Status500InternalServerError))
        {
            return;
        }

        var key = status switch
        {
            StatusCodes.Status401Unauthorized => "Api_Unauthorized",
            StatusCodes.Status403Forbidden => "Api_Forbidden",
            StatusCodes.Status404NotFound => "Api_NotFound",
            StatusCodes.Status405MethodNotAllowed => "Api_MethodNotAllowed",
            StatusCodes.Status415UnsupportedMediaType => "Api_UnsupportedMediaType",
            StatusCodes.Status429TooManyRequests => "Api_TooManyRequests",
            StatusCodes.Status500InternalServerError => "Api_ServerError",
            _ => null,
        };
        if (key is not null)
        {
            problem.Title = InRequestCulture(context.HttpContext, strings => strings[key]);
        }
    }

    // The exception handler writes its problem after the request's pipeline unwound, and with it the culture that
    // request localization set; the culture it chose stays on the request as a feature.
    private static string InRequestCulture(HttpContext http, Func<IStringLocalizer<ApiSecurityStrings>, string> text)
    {
        var chosen = http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture;
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        if (chosen is null || Equals(chosen, before))
        {
            return text(Strings(http));
        }

        System.Globalization.CultureInfo.CurrentUICulture = chosen;
        try
        {
            return text(Strings(http));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    private static IStringLocalizer<ApiSecurityStrings> Strings(HttpContext http) =>
        http.RequestServices.GetRequiredService<IStringLocalizer<ApiSecurityStrings>>();
}
