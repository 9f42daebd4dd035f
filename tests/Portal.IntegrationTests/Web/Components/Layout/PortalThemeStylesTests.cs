using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components;
using Portal.Web.Components.Layout;

namespace Portal.IntegrationTests.Web.Components.Layout;

/// <summary>
/// The theme's CSS variables are two stylesheets built once per process, linked in the page's head with the theme of
/// the person's cookie active; neither the page nor the circuit holds a theme provider (MainLayout).
/// </summary>
public sealed partial class PortalThemeStylesTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public void Stylesheets_AreBuiltOncePerProcess()
    {
        var light = PortalThemeStyles.Head(darkMode: false).Value;
        var dark = PortalThemeStyles.Head(darkMode: true).Value;

        PortalThemeStyles.Head(darkMode: false).Value.ShouldBeSameAs(light);
        PortalThemeStyles.Head(darkMode: true).Value.ShouldBeSameAs(dark);
        PortalThemeStyles.Css(darkMode: false).ShouldBeSameAs(PortalThemeStyles.Css(darkMode: false));
        light.ShouldNotBe(dark);
    }

    [Fact]
    public void Stylesheets_CarryThePortalsPalettes_AndMudBlazorsScrollbar()
    {
        // #c8102e and #ff9aa5: PortalTheme's light and dark primary, as MudThemeProvider writes them.
        PortalThemeStyles.Css(darkMode: false).ShouldContain("--mud-palette-primary: rgba(200,16,46,1);");
        PortalThemeStyles.Css(darkMode: true).ShouldContain("--mud-palette-primary: rgba(255,154,165,1);");
        PortalThemeStyles.Css(darkMode: false).ShouldContain("::-webkit-scrollbar");
        PortalThemeStyles.Css(darkMode: true).ShouldContain("::-webkit-scrollbar");
        PortalThemeStyles.Css(darkMode: false).ShouldNotContain("<style");
    }

    [Theory]
    [InlineData("light", false)]
    [InlineData("dark", true)]
    public async Task Stylesheet_AtTheCurrentVersion_IsServedAsCssCachedForAYear(string mode, bool dark)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        using var response = await client.GetAsync($"/theme/{mode}.css?v={PortalThemeStyles.Version}");

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
        (await response.Content.ReadAsStringAsync()).ShouldBe(PortalThemeStyles.Css(dark));

        // Another version (an old page after a deploy) is answered, but not cached.
        using var stale = await client.GetAsync($"/theme/{mode}.css?v=old");
        stale.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/", null, false)]
    [InlineData("/", "light", false)]
    [InlineData("/", "dark", true)]
    [InlineData("/Account/Login", "dark", true)]
    public async Task Page_HeadLinksTheThemeOfTheCookieActive(string path, string? cookie, bool dark)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{App.ThemeCookie}={cookie}");
        }

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];

        Link(head, dark ? PortalThemeStyles.DarkId : PortalThemeStyles.LightId).ShouldNotContain("media=");
        Link(head, dark ? PortalThemeStyles.LightId : PortalThemeStyles.DarkId).ShouldContain("media=\"not all\"");
        Link(head, PortalThemeStyles.LightId).ShouldContain($"href=\"/theme/light.css?v={PortalThemeStyles.Version}\"");
        // No theme provider renders a copy of the variables in the page.
        html.ShouldNotContain("mud-theme-provider");
        html.ShouldNotContain("--mud-palette-primary:");
    }

    private static string Link(string html, string id) => LinkElement().Matches(html).Single(m => m.Value.Contains($"id=\"{id}\"")).Value;

    [GeneratedRegex("<link [^>]*>")]
    private static partial Regex LinkElement();
}
