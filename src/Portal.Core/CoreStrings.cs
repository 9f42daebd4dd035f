namespace Portal.Core;

/// <summary>Marker for Core's localized strings (Resources/CoreStrings*.resx): e-mails, validation and Identity messages.</summary>
public sealed class CoreStrings;
