namespace Portal.Web;

/// <summary>Marker for the staff operations pages' localized strings (Resources/OpsStrings*.resx).</summary>
public sealed class OpsStrings;
