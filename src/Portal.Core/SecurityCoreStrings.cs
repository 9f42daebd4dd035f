namespace Portal.Core;

/// <summary>Marker for Core's security texts: API clients' brand scopes, the registration-attempt e-mail (Resources/SecurityCoreStrings*.resx).</summary>
public sealed class SecurityCoreStrings;
