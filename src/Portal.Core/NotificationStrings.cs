namespace Portal.Core;

/// <summary>Marker for the notification centre's and comments' localized strings (Resources/NotificationStrings*.resx): message templates, e-mails, refusals.</summary>
public sealed class NotificationStrings;
