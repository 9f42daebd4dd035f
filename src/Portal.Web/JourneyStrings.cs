namespace Portal.Web;

/// <summary>Marker for the journey pages' localized strings (Resources/JourneyStrings*.resx).</summary>
public sealed class JourneyStrings;
