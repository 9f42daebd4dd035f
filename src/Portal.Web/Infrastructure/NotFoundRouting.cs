namespace Portal.Web.Infrastructure;

/// <summary>
/// Unknown addresses answer 404 for every method. The cause of the old 405s: when the app runs from
/// a build (not a publish), MapStaticAssets adds a GET-only fallback route <c>{**path:file}</c>
/// that serves assets missing from the build manifest. Routing matches its pattern to every path
/// and checks the method before the <c>:file</c> constraint, so any POST to an unknown path (and,
/// with the POST-only catch-all that was added against that, any GET) was a 405. Without the
/// fallback, an unknown path has no candidate at all: 404, and a known one with the wrong method
/// is still a 405. An asset added while the app runs then needs a rebuild (ADR 0010-b-unknown-paths).
/// </summary>
public static class NotFoundRouting
{
    public static IHostApplicationBuilder AddNotFoundRouting(this IHostApplicationBuilder builder)
    {
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        return builder;
    }
}
