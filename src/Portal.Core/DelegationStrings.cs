namespace Portal.Core;

/// <summary>Marker for brands' delegations to providers (Resources/DelegationStrings*.resx): validation, refusals, area names.</summary>
public sealed class DelegationStrings;
