using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The theme's stylesheets, built once per process. MudThemeProvider builds its ~12,000 characters of CSS variables
/// on every render and every circuit kept them (a 24 KB string and ~100 colour objects each); the palette never
/// changes while the app runs, so what MudThemeProvider renders, light and dark, is served as two versioned,
/// cacheable stylesheets (<c>/theme/light.css</c>, <c>/theme/dark.css</c>, <see cref="MapThemeStyles"/>), which
/// App.razor (static, outside the circuit) links in the head with the inactive one switched off by
/// <c>media="not all"</c>. The theme toggle flips the two in the browser (js/portal.js, <c>portal.setTheme</c>).
/// </summary>
public static partial class PortalThemeStyles
{
    /// <summary>The id of the light theme's link element (js/portal.js switches it on and off).</summary>
    public const string LightId = "portal-theme-light";

    /// <summary>The id of the dark theme's link element.</summary>
    public const string DarkId = "portal-theme-dark";

    // MudThemeProvider's own marker for its theme element: what comes before it (scrollbar, chart hover) is the same in both modes.
    private const string ThemeElementStart = "<style class='mud-theme-provider'>";

    private static readonly Lazy<Sheets> Built = new(Build);

    private sealed record Sheets(string Light, string Dark, string Version, MarkupString LightHead, MarkupString DarkHead);

    /// <summary>The head's two theme links with the light (or dark) one active; the same instance on every call.</summary>
    public static MarkupString Head(bool darkMode) => darkMode ? Built.Value.DarkHead : Built.Value.LightHead;

    /// <summary>A stylesheet's CSS: MudBlazor's shared styles, then the theme's variables.</summary>
    public static string Css(bool darkMode) => darkMode ? Built.Value.Dark : Built.Value.Light;

    /// <summary>A hash of both stylesheets: the links carry it, so a new palette is a new address and the old one may be cached for good.</summary>
    public static string Version => Built.Value.Version;

    /// <summary>Serves <c>/theme/light.css</c> and <c>/theme/dark.css</c>, cached for a year when asked for at the current version.</summary>
    public static IEndpointRouteBuilder MapThemeStyles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme/{mode:regex(^(light|dark)$)}.css", (string mode, HttpContext context) =>
            {
                context.Response.Headers.CacheControl = context.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "no-cache";
                return Results.Text(Css(mode == "dark"), "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }

    private static Sheets Build()
    {
        var (common, lightVariables) = Split(Render(darkMode: false));
        var (_, darkVariables) = Split(Render(darkMode: true));
        var shared = string.Concat(StyleElement().Matches(common).Select(m => m.Groups[1].Value.Trim() + "\n"));
        var light = shared + lightVariables.Trim() + "\n";
        var dark = shared + darkVariables.Trim() + "\n";
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(light + dark)))[..12];
        return new Sheets(light, dark, version, Links(version, darkActive: false), Links(version, darkActive: true));
    }

    private static MarkupString Links(string version, bool darkActive) => new(
        $"<link rel=\"stylesheet\" id=\"{LightId}\" href=\"/theme/light.css?v={version}\"{Off(darkActive)} />\n"
        + $"<link rel=\"stylesheet\" id=\"{DarkId}\" href=\"/theme/dark.css?v={version}\"{Off(!darkActive)} />\n");

    private static string Off(bool inactive) => inactive ? " media=\"not all\"" : "";

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();

    /// <summary>MudThemeProvider's markup split into what both modes share and the theme element's CSS.</summary>
    private static (string Common, string ThemeCss) Split(string markup)
    {
        var start = markup.IndexOf(ThemeElementStart, StringComparison.Ordinal);
        var end = markup.IndexOf("</style>", start, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new InvalidOperationException("MudThemeProvider's markup no longer has its theme style element; see PortalThemeStyles.");
        }

        return (markup[..start], markup[(start + ThemeElementStart.Length)..end]);
    }

    /// <summary>Renders MudThemeProvider as the server would, outside any request or circuit.</summary>
    private static string Render(bool darkMode)
    {
        using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IJSRuntime, NoBrowser>()
            .BuildServiceProvider();
        using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
            [nameof(MudThemeProvider.IsDarkMode)] = darkMode,
        });

        // Blocking is safe here: the HtmlRenderer has its own dispatcher and the provider renders synchronously.
        return renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString()).GetAwaiter().GetResult();
    }

    /// <summary>No browser: the provider's after-render checks never run in a static render, and disposal has nothing to stop.</summary>
    private sealed class NoBrowser : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult<TValue>(default!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult<TValue>(default!);
    }
}
