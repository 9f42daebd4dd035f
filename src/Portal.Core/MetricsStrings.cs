namespace Portal.Core;

/// <summary>Marker for the metrics feature's localized messages (Resources/MetricsStrings*.resx).</summary>
public sealed class MetricsStrings;
