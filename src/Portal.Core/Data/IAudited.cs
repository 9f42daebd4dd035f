namespace Portal.Core.Data;

/// <summary>
/// Marks an entity whose inserts, updates and deletes are written to the audit trail by the
/// auditing SaveChanges interceptor: administration data (categories, rules, playbook tasks,
/// milestone definitions, reasons, settings, users and API clients) and the brand's own records
/// (<see cref="IBrandAudited"/>, and the brand itself). Services never audit by hand.
/// </summary>
public interface IAudited
{
}

/// <summary>
/// An audited entity that belongs to one brand: its audit entries carry the brand's id, so the
/// staff Brand 360 timeline can show them (members, invitations, categories, STEPS tasks, stream
/// plans with their STAGE sections, comments). Records that keep a history of their own (documents
/// and their decisions, trust-card commitments and their changes, tiers, milestones) and derived or
/// bulk figures (daily metrics, summaries) are not marked: their history already says it, or the
/// trail would drown in them.
/// </summary>
public interface IBrandAudited : IAudited
{
    Guid BrandId { get; }
}
