namespace Portal.Web;

/// <summary>Marker for the strings around figures, charts and the portfolio grid (Resources/FigureStrings*.resx).</summary>
public sealed class FigureStrings;
