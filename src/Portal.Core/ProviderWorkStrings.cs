namespace Portal.Core;

/// <summary>Marker for a provider's workspace and scorecard texts (Resources/ProviderWorkStrings*.resx), pages included.</summary>
public sealed class ProviderWorkStrings;
