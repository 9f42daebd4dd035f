namespace Portal.Core;

/// <summary>Marker for the staff operations console's localized messages (Resources/OperationsStrings*.resx).</summary>
public sealed class OperationsStrings;
