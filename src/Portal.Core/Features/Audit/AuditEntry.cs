namespace Portal.Core.Features.Audit;

/// <summary>What happened to the audited record.</summary>
public enum AuditAction
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One change to an audited record, written by the auditing interceptor in the same SaveChanges
/// (so the same transaction) as the change itself. Never holds secrets: password hashes, security
/// stamps and client secrets are written as <see cref="AuditChanges.Redacted"/>. Append-only: the
/// database refuses to change or delete an entry, and each is chained to the one before by its hash.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The entry's position in the hash chain (1, 2, …; unique), given when it is saved.</summary>
    public long Sequence { get; set; }

    /// <summary>SHA-256 over the entry's fields and the previous entry's hash (<see cref="AuditChain"/>), given when it is saved.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The signed-in person who made the change; null for the system (jobs, seeding).</summary>
    public Guid? ActorUserId { get; set; }

    /// <summary>The actor's display name at the time, or <see cref="AuditActor.SystemName"/>.</summary>
    public string ActorName { get; set; } = "";

    public string? ActorEmail { get; set; }

    /// <summary>
    /// The service provider (服务商) the actor works for, when they work for one: with <see cref="BrandId"/> the
    /// entry reads "done by this person of this provider on behalf of the brand".
    /// </summary>
    public Guid? ActorProviderId { get; set; }

    /// <summary>The brand the record belongs to, for records that belong to one.</summary>
    public Guid? BrandId { get; set; }

    /// <summary>The entity's CLR name, e.g. <c>Category</c>, <c>PortalUser</c>.</summary>
    public string EntityType { get; set; } = "";

    /// <summary>The record's key; composite keys joined by <c>|</c>.</summary>
    public string EntityKey { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>The named operation the change was part of, e.g. <c>User.Disable</c>; null for a plain edit.</summary>
    public string? Operation { get; set; }

    /// <summary>Changed properties as JSON: <c>{"Name":{"old":"a","new":"b"}}</c>.</summary>
    public string Changes { get; set; } = "{}";
}
