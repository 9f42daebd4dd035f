using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.UnitTests.Infrastructure;
using Portal.Web.Components;
using Portal.Web.Components.Layout;

namespace Portal.UnitTests.Web.Components.Layout;

/// <summary>
/// The theme's CSS variables sit in the page's head, built once per process, with the theme of the person's cookie
/// active; the circuit holds no theme provider (MainLayout).
/// </summary>
public sealed partial class PortalThemeStylesTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public void Head_IsBuiltOncePerProcess()
    {
        var light = PortalThemeStyles.Head(darkMode: false).Value;
        var dark = PortalThemeStyles.Head(darkMode: true).Value;

        PortalThemeStyles.Head(darkMode: false).Value.ShouldBeSameAs(light);
        PortalThemeStyles.Head(darkMode: true).Value.ShouldBeSameAs(dark);
        light.ShouldNotBe(dark);
    }

    [Fact]
    public void Head_CarriesThePortalsPalettes_AndMudBlazorsScrollbar()
    {
        var head = PortalThemeStyles.Head(darkMode: false).Value;

        // #c8102e and #ff9aa5: PortalTheme's light and dark primary, as MudThemeProvider writes them.
        Element(head, PortalThemeStyles.LightId).ShouldContain("--mud-palette-primary: rgba(200,16,46,1);");
        Element(head, PortalThemeStyles.DarkId).ShouldContain("--mud-palette-primary: rgba(255,154,165,1);");
        head.ShouldContain("::-webkit-scrollbar");
    }

    [Theory]
    [InlineData("/", null, false)]
    [InlineData("/", "light", false)]
    [InlineData("/", "dark", true)]
    [InlineData("/Account/Login", "dark", true)]
    public async Task Page_HeadHasTheThemeOfTheCookieActive(string path, string? cookie, bool dark)
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

        OpeningTag(head, dark ? PortalThemeStyles.DarkId : PortalThemeStyles.LightId).ShouldNotContain("media=");
        OpeningTag(head, dark ? PortalThemeStyles.LightId : PortalThemeStyles.DarkId).ShouldContain("media=\"not all\"");
        // Only the head's two: no theme provider renders its own copy in the body.
        Regex.Count(html, "mud-theme-provider").ShouldBe(2);
        // Inline style elements need no nonce: the policy allows inline styles (a nonce there would switch that off).
        var styleSrc = Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "style-src ([^;]*)").Groups[1].Value;
        styleSrc.ShouldContain("'unsafe-inline'");
        styleSrc.ShouldNotContain("nonce-");
    }

    private static string OpeningTag(string html, string id) => StyleElement().Matches(html).Single(m => m.Groups[1].Value.Contains($"id=\"{id}\"")).Groups[1].Value;

    private static string Element(string html, string id) => StyleElement().Matches(html).Single(m => m.Groups[1].Value.Contains($"id=\"{id}\"")).Groups[2].Value;

    [GeneratedRegex("<style([^>]*)>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
