namespace Portal.Web;

/// <summary>Marker for the language-finish strings (Resources/LanguageStrings*.resx): reconnect UI, e-mail frame, audit words.</summary>
public sealed class LanguageStrings;
