using MudBlazor;

namespace Portal.Web.Components.Layout;

/// <summary>
/// The portal's colours, light and dark. Every colour that carries text meets WCAG 2.1 AA (4.5:1) on the
/// surfaces it is used on: MudBlazor's default success, info, warning and error are too light for white text
/// on filled chips and for coloured text on white, so they are replaced by darker shades of the same hues.
/// PortalThemeTests checks the ratios.
/// </summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#c8102e",
            Secondary = "#1a5fd0",
            Tertiary = "#00796b",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a35200",
            Error = "#c62828",
            AppbarBackground = "#c8102e",
            Background = "#f7f7f9",
            TextSecondary = "#616161",
            ActionDefault = "#616161",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ff9aa5",
            Secondary = "#7ab8ff",
            Tertiary = "#4db6ac",
            Info = "#64b5f6",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ff8a80",
            AppbarBackground = "#1e1e2d",
            TextSecondary = "#bcbcc0",
            ActionDefault = "#bcbcc0",
            // MudBlazor's dark defaults (0.26 and 0.2 white) make default chips and striped rows too light for their text.
            ActionDisabledBackground = "rgba(255,255,255,0.10)",
            TextPrimary = "rgba(255,255,255,0.82)",
            TableStriped = "rgba(255,255,255,0.05)",
            PrimaryContrastText = "#1e1e2d",
            SecondaryContrastText = "#1e1e2d",
            TertiaryContrastText = "#1e1e2d",
            InfoContrastText = "#1e1e2d",
            SuccessContrastText = "#1e1e2d",
            WarningContrastText = "#1e1e2d",
            ErrorContrastText = "#1e1e2d",
        },
    };
}
