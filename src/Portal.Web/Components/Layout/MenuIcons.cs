using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Components.Layout;

/// <summary>
/// A MudBlazor icon (its SVG path markup, e.g. <c>Icons.Material.Filled.Logout</c>) as the whole
/// <c>&lt;svg&gt;</c> element MudIcon would draw, hidden from assistive technology. One markup string per icon for
/// the process, so a menu item is one frame in a circuit's render tree instead of an element and its attributes.
/// </summary>
internal static class MenuIcons
{
    private static readonly ConcurrentDictionary<string, MarkupString> Cache = new(StringComparer.Ordinal);

    public static MarkupString Svg(string icon) => Cache.GetOrAdd(icon, static path => new MarkupString(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{path}</svg>"));
}
