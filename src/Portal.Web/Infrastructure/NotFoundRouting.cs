namespace Portal.Web.Infrastructure;

/// <summary>
/// Unknown addresses answer 404 for every method. The old 405s had two sources. A POST-only
/// catch-all route (added so unknown POSTs would not be 405s) made routing answer 405 to any GET of
/// an unknown path, as the app runs from <c>dotnet run</c> or its DLL. And where MapStaticAssets adds
/// its GET-only runtime fallback for files missing from the manifest (<c>{**path:file}</c>, seen
/// under WebApplicationFactory), routing matches that pattern to every path and checks the method
/// before the <c>:file</c> constraint, so any POST was a 405: the reason the catch-all was added.
/// The catch-all is gone and the fallback is off, so an unknown path has no route candidate at all
/// (404) and a known one with the wrong method is still a 405 (ADR 0013-unknown-paths-404).
/// </summary>
public static class NotFoundRouting
{
    public static IHostApplicationBuilder AddNotFoundRouting(this IHostApplicationBuilder builder)
    {
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        return builder;
    }
}
