namespace Portal.Web;

/// <summary>Marker for the administration pages' localized strings (Resources/AdminUiStrings*.resx).</summary>
public sealed class AdminUiStrings;
