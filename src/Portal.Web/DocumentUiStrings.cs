namespace Portal.Web;

/// <summary>Marker for the certification screens' localized strings (Resources/DocumentUiStrings*.resx).</summary>
public sealed class DocumentUiStrings;
