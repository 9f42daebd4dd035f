namespace Portal.Core;

/// <summary>Marker for the administration editors' localized texts (Resources/AdminConfigStrings*.resx), shared by Core's validators and Web's pages.</summary>
public sealed class AdminConfigStrings;
