namespace Portal.Core;

/// <summary>Marker for the brand application's localized strings (Resources/ApplicationStrings*.resx): statuses, actions, fields and refusals.</summary>
public sealed class ApplicationStrings;
