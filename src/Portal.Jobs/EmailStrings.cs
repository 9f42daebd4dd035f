namespace Portal.Jobs;

/// <summary>Marker for the e-mail frame's localized strings (Resources/EmailStrings*.resx).</summary>
public sealed class EmailStrings;
