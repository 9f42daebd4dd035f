using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Layout;

namespace Portal.UnitTests.Web.Components.Layout;

/// <summary>The one-component side-navigation link keeps what MudNavLink gave: its markup, the active state and aria-current.</summary>
public sealed class PortalNavLinkTests : PortalTestContext
{
    private IRenderedComponent<PortalNavLink> Link(string href, NavLinkMatch match = NavLinkMatch.Prefix) =>
        Render<PortalNavLink>(p => p
            .Add(l => l.Href, href)
            .Add(l => l.Match, match)
            .Add(l => l.Icon, "<path d=\"M0 0h24v24H0z\"/>")
            .AddChildContent("Portfolio"));

    [Fact]
    public void OnItsPage_IsActive_AndSaysSoToScreenReaders()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/ops/portfolio");

        var anchor = Link("ops/portfolio").Find("div.mud-nav-item > a");

        anchor.GetAttribute("href").ShouldBe("ops/portfolio");
        anchor.ClassList.ShouldContain("mud-nav-link");
        anchor.ClassList.ShouldContain("active");
        anchor.GetAttribute("aria-current").ShouldBe("page");
        anchor.QuerySelector("svg.mud-nav-link-icon")!.GetAttribute("aria-hidden").ShouldBe("true");
        anchor.QuerySelector(".mud-nav-link-text")!.TextContent.ShouldBe("Portfolio");
    }

    [Fact]
    public void OnAnotherPage_IsNeitherActiveNorCurrent()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/ops/documents");

        var anchor = Link("ops/portfolio").Find("a");

        anchor.ClassList.ShouldNotContain("active");
        anchor.HasAttribute("aria-current").ShouldBeFalse();
    }

    [Fact]
    public void ExactMatch_IsNotActiveOnAPageBelowIt()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/ops/portfolio");

        var anchor = Link("ops", NavLinkMatch.All).Find("a");

        anchor.ClassList.ShouldNotContain("active");
    }
}
