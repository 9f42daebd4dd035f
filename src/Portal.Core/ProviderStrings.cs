namespace Portal.Core;

/// <summary>Marker for the service providers' localized strings (Resources/ProviderStrings*.resx), used by Core and the pages.</summary>
public sealed class ProviderStrings;
