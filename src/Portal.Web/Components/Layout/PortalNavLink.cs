using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;

namespace Portal.Web.Components.Layout;

/// <summary>
/// A side-navigation link that renders MudNavLink's markup (item, link, icon, text) as one component: MudNavLink
/// is three (itself, its NavLink, its MudIcon), and every component costs each open circuit its render trees
/// (docs/BENCHMARKS.md, "After the memory cuts"). Active tracking, <c>aria-current</c> and <see cref="NavLink.Match"/>
/// are the framework's NavLink's; the href and any other attribute (e.g. <c>Target</c>) pass through.
/// </summary>
public sealed class PortalNavLink : NavLink
{
    private const string LinkClass = "mud-nav-link mud-ripple";
    private const string IconClass = "mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default";

    /// <summary>Where the link goes (NavLink reads the <c>href</c> attribute; the parameter keeps MudNavLink's name).</summary>
    [Parameter]
    public string? Href { get; set; }

    /// <summary>The icon's SVG content (a MudBlazor <c>Icons.Material…</c> string).</summary>
    [Parameter]
    public string? Icon { get; set; }

    protected override void OnParametersSet()
    {
        ActiveClass ??= "active";
        var attributes = new Dictionary<string, object>(AdditionalAttributes ?? new Dictionary<string, object>(), StringComparer.Ordinal);
        attributes.TryAdd("class", LinkClass);
        if (Href is not null)
        {
            attributes["href"] = Href;
        }

        AdditionalAttributes = attributes;

        base.OnParametersSet();
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-nav-item");
        builder.OpenElement(2, "a");
        builder.AddMultipleAttributes(3, AdditionalAttributes);
        builder.AddAttribute(4, "class", CssClass);
        if (CssClass?.Split(' ').Contains(ActiveClass) == true)
        {
            builder.AddAttribute(5, "aria-current", "page");
        }

        if (Icon is not null)
        {
            builder.OpenElement(6, "svg");
            builder.AddAttribute(7, "class", IconClass);
            builder.AddAttribute(8, "focusable", "false");
            builder.AddAttribute(9, "viewBox", "0 0 24 24");
            builder.AddAttribute(10, "aria-hidden", "true");
            builder.AddMarkupContent(11, Icon);
            builder.CloseElement();
        }

        builder.OpenElement(12, "div");
        builder.AddAttribute(13, "class", "mud-nav-link-text");
        builder.AddContent(14, ChildContent);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    }
}
