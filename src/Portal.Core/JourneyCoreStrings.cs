namespace Portal.Core;

/// <summary>Marker for the journey's localized messages (Resources/JourneyCoreStrings*.resx).</summary>
public sealed class JourneyCoreStrings;
