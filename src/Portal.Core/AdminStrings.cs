namespace Portal.Core;

/// <summary>Marker for administration's localized messages and e-mails (Resources/AdminStrings*.resx).</summary>
public sealed class AdminStrings;
