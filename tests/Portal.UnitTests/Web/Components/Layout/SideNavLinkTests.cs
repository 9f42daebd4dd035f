using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Components.Layout;

namespace Portal.UnitTests.Web.Components.Layout;

/// <summary>The side-navigation link as markup keeps what MudNavLink gave: its markup, NavLink's active state and aria-current.</summary>
public sealed class SideNavLinkTests : PortalTestContext
{
    private IRenderedComponent<IComponent> Link(string href, NavLinkMatch match = NavLinkMatch.Prefix) =>
        Render(SideNavLink.Render(Services.GetRequiredService<NavigationManager>(), href, "Portfolio", "<path d=\"M0 0h24v24H0z\"/>", match));

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

    [Theory]
    [InlineData("/ops/portfolio?page=2", "ops/portfolio", NavLinkMatch.All, true)]
    [InlineData("/ops/portfolio#top", "ops/portfolio", NavLinkMatch.All, true)]
    [InlineData("/OPS/Portfolio", "ops/portfolio", NavLinkMatch.All, true)]
    [InlineData("/ops/portfolio/brand-1", "ops/portfolio", NavLinkMatch.Prefix, true)]
    [InlineData("/ops/portfolios", "ops/portfolio", NavLinkMatch.Prefix, false)]
    [InlineData("/ops", "ops/", NavLinkMatch.All, true)]
    [InlineData("/", "/", NavLinkMatch.All, true)]
    [InlineData("/ops", "/", NavLinkMatch.All, false)]
    public void IsActive_FollowsNavLinksRule(string location, string href, NavLinkMatch match, bool active)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(location);

        SideNavLink.IsActive(navigation, href, match).ShouldBe(active);
    }

    [Fact]
    public void Target_PassesThrough_AndIsAbsentOtherwise()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();

        Render(SideNavLink.Render(navigation, "/jobs", "Jobs", "", target: "_top")).Find("a").GetAttribute("target").ShouldBe("_top");
        Link("ops").Find("a").HasAttribute("target").ShouldBeFalse();
    }
}
