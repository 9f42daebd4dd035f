namespace Portal.Web;

/// <summary>Marker for the metrics pages' localized strings (Resources/MetricsUiStrings*.resx).</summary>
public sealed class MetricsUiStrings;
