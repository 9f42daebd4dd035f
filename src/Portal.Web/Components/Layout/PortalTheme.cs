using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>The portal's colours, light and dark.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#d81e3a",
            Secondary = "#1f6feb",
            AppbarBackground = "#d81e3a",
            Background = "#f7f7f9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ff5a6e",
            Secondary = "#58a6ff",
            AppbarBackground = "#1e1e2d",
        },
    };
}
