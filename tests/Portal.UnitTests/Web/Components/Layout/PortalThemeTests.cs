using System.Globalization;
using MudBlazor;
using MudBlazor.Utilities;
using Portal.Web.Components.Layout;

namespace Portal.UnitTests.Web.Components.Layout;

/// <summary>
/// WCAG 2.1 AA contrast (4.5:1 for normal text) of the theme's colours where the portal puts text: coloured
/// text on the page and on cards (text buttons, outlined chips, links), white or dark text on filled chips
/// and buttons, the active navigation link on its tinted background, secondary text on the page.
/// </summary>
public sealed class PortalThemeTests
{
    private const double AaNormalText = 4.5;

    public static TheoryData<string> Colours => new() { "Primary", "Secondary", "Tertiary", "Info", "Success", "Warning", "Error" };

    [Theory]
    [MemberData(nameof(Colours))]
    public void LightColour_AsTextOnWhiteAndOnThePage_MeetsAa(string name)
    {
        var palette = PortalTheme.Theme.PaletteLight;
        var colour = Colour(palette, name);

        Contrast(colour, palette.Surface).ShouldBeGreaterThanOrEqualTo(AaNormalText, $"{name} on the surface");
        Contrast(colour, palette.Background).ShouldBeGreaterThanOrEqualTo(AaNormalText, $"{name} on the page");
    }

    [Theory]
    [MemberData(nameof(Colours))]
    public void LightColour_FilledWithItsContrastText_MeetsAa(string name)
    {
        var palette = PortalTheme.Theme.PaletteLight;

        Contrast(Colour(palette, name + "ContrastText"), Colour(palette, name)).ShouldBeGreaterThanOrEqualTo(AaNormalText, $"{name}ContrastText on {name}");
    }

    [Theory]
    [MemberData(nameof(Colours))]
    public void DarkColour_AsTextAndFilled_MeetsAa(string name)
    {
        var palette = PortalTheme.Theme.PaletteDark;
        var colour = Colour(palette, name);

        Contrast(colour, palette.Surface).ShouldBeGreaterThanOrEqualTo(AaNormalText, $"{name} on the dark surface");
        Contrast(colour, palette.Background).ShouldBeGreaterThanOrEqualTo(AaNormalText, $"{name} on the dark page");
        Contrast(Colour(palette, name + "ContrastText"), colour).ShouldBeGreaterThanOrEqualTo(AaNormalText, $"{name}ContrastText on {name}");
    }

    [Fact]
    public void LightSecondaryText_OnThePage_MeetsAa()
    {
        var palette = PortalTheme.Theme.PaletteLight;

        Contrast(palette.TextSecondary, palette.Background).ShouldBeGreaterThanOrEqualTo(AaNormalText);
        Contrast(palette.TextSecondary, palette.BackgroundGray).ShouldBeGreaterThanOrEqualTo(AaNormalText);
    }

    [Fact]
    public void DarkSecondaryText_OnThePageAndOnCards_MeetsAa()
    {
        var palette = PortalTheme.Theme.PaletteDark;

        Contrast(palette.TextSecondary, palette.Background).ShouldBeGreaterThanOrEqualTo(AaNormalText);
        Contrast(palette.TextSecondary, palette.Surface).ShouldBeGreaterThanOrEqualTo(AaNormalText);
    }

    [Fact]
    public void LightActiveNavigationLink_OnItsTint_MeetsAa()
    {
        // MudNavLink's active link: primary text on #f0f0f0 (what axe measured on the drawer).
        Contrast(PortalTheme.Theme.PaletteLight.Primary, new MudColor("#f0f0f0")).ShouldBeGreaterThanOrEqualTo(AaNormalText);
    }

    [Fact]
    public void LightAppBar_WithWhiteText_MeetsAa()
    {
        var palette = PortalTheme.Theme.PaletteLight;

        Contrast(palette.AppbarText, palette.AppbarBackground).ShouldBeGreaterThanOrEqualTo(AaNormalText);
    }

    private static MudColor Colour(Palette palette, string property) =>
        (MudColor)(typeof(Palette).GetProperty(property)?.GetValue(palette)
            ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The palette has no colour {property}.")));

    /// <summary>WCAG's contrast ratio of two colours; a translucent one is blended over what lies under it (white under the background).</summary>
    private static double Contrast(MudColor foreground, MudColor background)
    {
        var back = Blend(background, (1, 1, 1));
        var fore = Blend(foreground, back);
        var (light, dark) = (Math.Max(Luminance(fore), Luminance(back)), Math.Min(Luminance(fore), Luminance(back)));
        return (light + 0.05) / (dark + 0.05);
    }

    private static (double R, double G, double B) Blend(MudColor colour, (double R, double G, double B) under)
    {
        var alpha = colour.A / 255d;
        return ((colour.R / 255d * alpha) + (under.R * (1 - alpha)),
                (colour.G / 255d * alpha) + (under.G * (1 - alpha)),
                (colour.B / 255d * alpha) + (under.B * (1 - alpha)));
    }

    private static double Luminance((double R, double G, double B) c) =>
        (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(double channel) => channel <= 0.03928 ? channel / 12.92 : Math.Pow((channel + 0.055) / 1.055, 2.4);
}
