using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Components.Layout;

/// <summary>
/// The layout as the server renders it (signed out and signed in): the landmarks, the app bar's pieces and test ids
/// that the end-to-end suites rely on, now that the app bar, main content and role checks are plain markup.
/// </summary>
public sealed class MainLayoutTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task SignedOut_AppBarOffersLanguageThemeAndSignIn()
    {
        using var browser = new BrowserClient(_app);

        var html = await browser.Http.GetStringAsync("/");

        html.ShouldContain("<header class=\"mud-appbar");
        html.ShouldContain("aria-controls=\"portal-drawer\"");
        html.ShouldContain("data-testid=\"language-switch\"");
        html.ShouldContain("data-testid=\"theme-toggle\"");
        html.ShouldContain("href=\"Account/Login\"");
        html.ShouldContain("<main id=\"main\"");
        html.ShouldContain("<nav class=\"mud-navmenu");
        html.ShouldNotContain("data-testid=\"account-menu\"");
        // The framework's error bar closes from a keyboard too, and says what its glyph does.
        html.ShouldContain("<button type=\"button\" class=\"dismiss\" aria-label=\"Close this message\">");
    }

    [Fact]
    public async Task SignedInBrandManager_AppBarHasTheirMenusAndTheNavigationTheirRole()
    {
        using var browser = new BrowserClient(_app);
        (await browser.SignInAsync("brand@demo.test")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await browser.Http.GetStringAsync("/brand");

        html.ShouldContain("data-testid=\"signed-in-user\"");
        html.ShouldContain("data-testid=\"notification-bell\"");
        html.ShouldContain("data-testid=\"account-menu\"");
        html.ShouldContain("data-testid=\"brand-nav\"");
        html.ShouldContain("href=\"/brand\"");
        html.ShouldNotContain("href=\"/ops\"");
        // The theme toggle is not in the app bar but an item of the account menu, the browser's popover, whose
        // button says so; sign-out is the hidden form's submit button.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var menu = document.QuerySelector("#portal-account-menu[popover=auto][role=menu]").ShouldNotBeNull();
        menu.QuerySelector("[data-testid=theme-toggle][role=menuitem]").ShouldNotBeNull();
        menu.QuerySelector("button[type=submit][form=portal-sign-out][role=menuitem]").ShouldNotBeNull();
        document.QuerySelector("form#portal-sign-out input[name=__RequestVerificationToken]").ShouldNotBeNull();
        var button = document.QuerySelector("[data-testid=account-menu] button[popovertarget=portal-account-menu]").ShouldNotBeNull();
        button.GetAttribute("aria-haspopup").ShouldBe("menu");
        button.GetAttribute("aria-expanded").ShouldBe("false");
    }

    [Fact]
    public async Task Drawer_AsTheServerRendersIt_IsOpenAndInitialWithTheBrowserToOpenAndCloseIt()
    {
        using var browser = new BrowserClient(_app);

        var html = await browser.Http.GetStringAsync("/");

        // MudBlazor's CSS pushes the content beside an open responsive drawer from 960 px up, and hides a drawer marked
        // initial below that, so a phone never sees it over the page before js/portal.js closes it. The toggle and the
        // overlay are the browser's (data-portal-drawer): no server handler, no overlay open.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var layout = document.QuerySelector("#portal-layout").ShouldNotBeNull();
        layout.ClassList.ShouldBe(["mud-layout", "mud-drawer-open-responsive-md-left", "mud-drawer-left-clipped-always"], ignoreOrder: true);
        var drawer = layout.QuerySelector("aside#portal-drawer").ShouldNotBeNull();
        drawer.ClassList.ShouldContain("mud-drawer--open");
        drawer.ClassList.ShouldContain("mud-drawer--initial");
        drawer.ClassList.ShouldContain("mud-drawer-responsive");
        var toggle = document.QuerySelector("header [data-portal-drawer=toggle]").ShouldNotBeNull();
        toggle.GetAttribute("aria-controls").ShouldBe("portal-drawer");
        toggle.GetAttribute("aria-expanded").ShouldBe("true");
        var overlay = layout.QuerySelector("[data-portal-drawer=overlay]").ShouldNotBeNull();
        overlay.ClassList.ShouldNotContain("mud-drawer-overlay--open");
    }
}
