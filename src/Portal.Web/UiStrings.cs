namespace Portal.Web;

/// <summary>Marker for the UI's localized strings (Resources/UiStrings*.resx).</summary>
public sealed class UiStrings;
