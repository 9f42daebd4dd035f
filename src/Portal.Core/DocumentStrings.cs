namespace Portal.Core;

/// <summary>Marker for certification's localized strings (Resources/DocumentStrings*.resx): statuses, check reasons, refusals, e-mails.</summary>
public sealed class DocumentStrings;
