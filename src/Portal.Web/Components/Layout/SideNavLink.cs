using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;

namespace Portal.Web.Components.Layout;

/// <summary>
/// A side-navigation link as markup, not a component: MudNavLink's markup (item, link, icon, text), the active class and
/// <c>aria-current="page"</c> decided as the framework's NavLink decides them. A component per link (MudNavLink was
/// three, PortalNavLink one) cost each open circuit its render trees for every link of the menu (docs/BENCHMARKS.md);
/// the menu that writes these re-renders itself when the location changes (NavMenu, BrandSectionsNav).
/// </summary>
public static class SideNavLink
{
    private const string LinkClass = "mud-nav-link mud-ripple";
    private const string ActiveLinkClass = "mud-nav-link mud-ripple active";
    private const string IconClass = "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default";

    /// <summary>The link to <paramref name="href"/>, active on its page (or below it, for <see cref="NavLinkMatch.Prefix"/>).</summary>
    /// <param name="icon">The icon's SVG content (a MudBlazor <c>Icons.Material…</c> string).</param>
    /// <param name="target">The link's target (<c>_top</c> leaves the Blazor router), if any.</param>
    public static RenderFragment Render(NavigationManager navigation, string href, string text, string icon,
        NavLinkMatch match = NavLinkMatch.Prefix, string? target = null) => builder =>
    {
        var active = IsActive(navigation, href, match);
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-nav-item");
        builder.OpenElement(2, "a");
        builder.AddAttribute(3, "href", href);
        builder.AddAttribute(4, "target", target);
        builder.AddAttribute(5, "class", active ? ActiveLinkClass : LinkClass);
        builder.AddAttribute(6, "aria-current", active ? "page" : null);
        builder.OpenElement(7, "svg");
        builder.AddAttribute(8, "class", IconClass);
        builder.AddAttribute(9, "focusable", "false");
        builder.AddAttribute(10, "viewBox", "0 0 24 24");
        builder.AddAttribute(11, "aria-hidden", "true");
        builder.AddMarkupContent(12, icon);
        builder.CloseElement();
        builder.OpenElement(13, "div");
        builder.AddAttribute(14, "class", "mud-nav-link-text");
        builder.AddContent(15, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>
    /// NavLink's rule: the same address (a trailing slash aside), or for <see cref="NavLinkMatch.Prefix"/> any address
    /// below it; case-insensitive, query and fragment ignored.
    /// </summary>
    public static bool IsActive(NavigationManager navigation, string href, NavLinkMatch match)
    {
        var target = WithoutQuery(navigation.ToAbsoluteUri(href).AbsoluteUri);
        var current = WithoutQuery(navigation.Uri);
        if (string.Equals(current, target, StringComparison.OrdinalIgnoreCase)
            || (current.Length == target.Length - 1 && target.EndsWith('/') && target.StartsWith(current, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return match == NavLinkMatch.Prefix
            && current.Length > target.Length
            && current.StartsWith(target, StringComparison.OrdinalIgnoreCase)
            && (!IsUnreserved(target[^1]) || !IsUnreserved(current[target.Length]));
    }

    private static string WithoutQuery(string uri) => uri.IndexOfAny(['?', '#']) is var end and >= 0 ? uri[..end] : uri;

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
