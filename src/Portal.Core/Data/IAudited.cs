namespace Portal.Core.Data;

/// <summary>
/// Marks an entity whose inserts, updates and deletes are written to the audit trail by the
/// auditing SaveChanges interceptor (administration data: categories, rules, playbook tasks,
/// milestone definitions, reasons, settings, users and API clients). Services never audit by hand.
/// </summary>
public interface IAudited
{
}

/// <summary>
/// An audited entity that belongs to one brand: its audit entries carry the brand's id, so the
/// staff Brand 360 timeline can show them.
/// </summary>
public interface IBrandAudited : IAudited
{
    Guid BrandId { get; }
}
