namespace Portal.Web;

/// <summary>
/// Marker for the words of the audit trail on the Brand 360 timeline: record types, what happened to
/// them and their property names (Resources/AuditTimelineStrings*.resx).
/// </summary>
public sealed class AuditTimelineStrings;
