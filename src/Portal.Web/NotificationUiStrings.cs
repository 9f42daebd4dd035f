namespace Portal.Web;

/// <summary>Marker for the notification centre's and comments' screens (Resources/NotificationUiStrings*.resx).</summary>
public sealed class NotificationUiStrings;
