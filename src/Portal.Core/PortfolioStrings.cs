namespace Portal.Core;

/// <summary>Marker for the staff portfolio's localized texts (Resources/PortfolioStrings*.resx): grid, views, exports, staff home.</summary>
public sealed class PortfolioStrings;
