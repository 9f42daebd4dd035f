using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The theme's style elements for the page's head, built once per process. MudThemeProvider builds its ~12,000
/// characters of CSS variables on every render and every circuit kept them (a 24 KB string and ~100 colour
/// objects each); the palette never changes while the app runs, so App.razor (static, outside the circuit)
/// writes what MudThemeProvider renders, light and dark, with the inactive one switched off by
/// <c>media="not all"</c>. The theme toggle flips the two in the browser (js/portal.js, <c>portal.setTheme</c>).
/// </summary>
public static class PortalThemeStyles
{
    /// <summary>The id of the light theme's style element (js/portal.js switches it on and off).</summary>
    public const string LightId = "portal-theme-light";

    /// <summary>The id of the dark theme's style element.</summary>
    public const string DarkId = "portal-theme-dark";

    // MudThemeProvider's own marker for its theme element: what comes before it (scrollbar, chart hover) is the same in both modes.
    private const string ThemeElementStart = "<style class='mud-theme-provider'>";

    private static readonly Lazy<(MarkupString Light, MarkupString Dark)> Heads = new(Build);

    /// <summary>The head's theme styles with the light (or dark) one active; the same instance on every call.</summary>
    public static MarkupString Head(bool darkMode) => darkMode ? Heads.Value.Dark : Heads.Value.Light;

    private static (MarkupString Light, MarkupString Dark) Build()
    {
        var light = Render(darkMode: false);
        var dark = Render(darkMode: true);
        var (common, lightCss) = Split(light);
        var (_, darkCss) = Split(dark);
        return (Compose(common, lightCss, darkCss, darkActive: false), Compose(common, lightCss, darkCss, darkActive: true));
    }

    private static MarkupString Compose(string common, string lightCss, string darkCss, bool darkActive) => new(
        $"{common}<style class=\"mud-theme-provider\" id=\"{LightId}\"{Off(darkActive)}>{lightCss}</style>\n"
        + $"<style class=\"mud-theme-provider\" id=\"{DarkId}\"{Off(!darkActive)}>{darkCss}</style>\n");

    private static string Off(bool inactive) => inactive ? " media=\"not all\"" : "";

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
