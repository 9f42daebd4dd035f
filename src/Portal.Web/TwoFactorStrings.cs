namespace Portal.Web;

/// <summary>Marker for the two-factor sign-in pages' localized strings (Resources/TwoFactorStrings*.resx).</summary>
public sealed class TwoFactorStrings;
