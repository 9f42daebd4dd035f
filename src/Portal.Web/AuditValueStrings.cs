namespace Portal.Web;

/// <summary>Marker for the audit log's values in words (Resources/AuditValueStrings*.resx): statuses, roles, tiers, yes and no.</summary>
public sealed class AuditValueStrings;
