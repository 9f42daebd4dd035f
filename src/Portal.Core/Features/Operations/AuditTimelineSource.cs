using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;
using Portal.Core.Features.TrustCard;

namespace Portal.Core.Features.Operations;

/// <summary>
/// The audit trail of the brand's records (the brand's profile, members, invitations, categories,
/// STEPS tasks, stream plans and their STAGE sections, comments: everything audited with the brand's
/// id) as timeline entries of kind <see cref="TimelineKind.Audit"/>. <see cref="TimelineEntry.Action"/>
/// is the <see cref="AuditAction"/>, <see cref="TimelineEntry.Subject"/> the entity type, and
/// <see cref="TimelineEntry.Detail"/> the changed properties of a change, comma-separated; the page
/// puts them into words. Values are not shown (the admin audit log has them, secrets redacted).
/// </summary>
/// <remarks>
/// <para>
/// <b>What is left out, so nothing is shown twice.</b> The domain histories already tell some of these
/// changes, with their reasons. An audit entry is left out when a history shows the same event:
/// </para>
/// <list type="bullet">
/// <item>the history rows themselves, and records whose every change a history records
/// (<see cref="HistoryTypes"/>: documents by their decisions, trust-card commitments by their changes);</item>
/// <item>properties that only a history's action moves (<see cref="ToldByHistories"/>: the application
/// status and its dates by application events, the tier by tier changes, the account manager by its
/// changes): they are not listed, and a change of nothing else is left out;</item>
/// <item>a task's completion (it sets <c>CompletedAt</c>), which the task source shows as "Task done";</item>
/// <item>bookkeeping (<see cref="Bookkeeping"/>: versions, update stamps) is never listed on its own.</item>
/// </list>
/// <para>
/// A new domain source must add its history here too. Entries written by one save with the same
/// actor, type and action (three categories chosen at once) are one timeline entry.
/// </para>
/// </remarks>
internal sealed class AuditTimelineSource : IBrandTimelineSource
{
    /// <summary>Entity types whose changes a domain history already shows in full.</summary>
    internal static readonly HashSet<string> HistoryTypes =
    [
        nameof(ApplicationEvent),
        nameof(DocumentDecision),
        nameof(DocumentNotice),
        nameof(TierChange),
        nameof(MilestoneAchievement),
        nameof(AccountManagerChange),
        nameof(TrustCardChange),
        nameof(Document),
        nameof(TrustCardCommitment),
    ];

    /// <summary>Per entity type, the properties that only change with a history row (which the timeline shows).</summary>
    internal static readonly Dictionary<string, HashSet<string>> ToldByHistories = new(StringComparer.Ordinal)
    {
        [nameof(Brand)] =
        [
            nameof(Brand.Status), nameof(Brand.SubmittedAt), nameof(Brand.DecisionDueOn), nameof(Brand.LastDecisionReason),
            nameof(Brand.LastDecisionAt), nameof(Brand.OpenChangeRequests), nameof(Brand.ReapplyFrom),
            nameof(Brand.Tier), nameof(Brand.AccountManagerUserId),
        ],
    };

    /// <summary>Properties that say nothing on their own.</summary>
    internal static readonly HashSet<string> Bookkeeping =
    [
        "Id", "BrandId", "CreatedAt", "UpdatedAt", "UpdatedByUserId", "Version", "Revision", "ProfileRevision",
    ];

    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken)
    {
        // Newest first through the (BrandId, At) index, a batch at a time, until enough entries are
        // left after the rules above. A batch always ends on a whole instant, so one save stays together.
        var batchSize = Math.Max(limit, 50);
        var hidden = HistoryTypes.ToList();
        var entries = new List<TimelineEntry>();
        DateTimeOffset? before = null;
        while (entries.Count < limit)
        {
            var brandEntries = db.AuditEntries.AsNoTracking().Where(e => e.BrandId == brandId && !hidden.Contains(e.EntityType));
            var page = before is { } b ? brandEntries.Where(e => e.At < b) : brandEntries;
            var rows = await Project(page.OrderByDescending(e => e.At).Take(batchSize)).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            var last = rows[^1].At;
            var full = rows.Count == batchSize;
            if (full)
            {
                rows.RemoveAll(r => r.At == last);
                rows.AddRange(await Project(brandEntries.Where(e => e.At == last)).ToListAsync(cancellationToken));
            }

            entries.AddRange(Describe(rows));
            if (!full)
            {
                break;
            }

            before = last;
        }

        return entries.Take(limit).ToList();
    }

    private static IQueryable<Row> Project(IQueryable<AuditEntry> entries) =>
        entries.Select(e => new Row(e.At, e.ActorUserId, e.ActorName, e.EntityType, e.Action, e.Changes, e.ActorProviderId));

    /// <summary>The rows (newest first) as timeline entries: the left-out ones dropped, each save's rows of one kind together.</summary>
    internal static IEnumerable<TimelineEntry> Describe(IEnumerable<Row> rows) =>
        rows
            .Select(r => (Row: r, Fields: Shown(r)))
            .Where(x => x.Fields is not null)
            .GroupBy(x => (x.Row.At, x.Row.ActorUserId, x.Row.ActorName, x.Row.EntityType, x.Row.Action, x.Row.ActorProviderId))
            .Select(g =>
            {
                var fields = g.SelectMany(x => x.Fields!).Distinct(StringComparer.Ordinal).ToList();
                return new TimelineEntry(
                    g.Key.At,
                    TimelineKind.Audit,
                    g.Key.Action.ToString(),
                    g.Key.EntityType,
                    Detail: fields.Count > 0 ? string.Join(", ", fields) : null,
                    ActorUserId: g.Key.ActorUserId,
                    Actor: g.Key.ActorUserId is null ? null : g.Key.ActorName,
                    ActorProviderId: g.Key.ActorProviderId);
            });

    /// <summary>The properties to list for a row (none for an addition or removal); null when a domain history already shows it.</summary>
    private static List<string>? Shown(Row row)
    {
        var changes = AuditChanges.Read(row.Changes);
        if (row.EntityType == nameof(BrandTask)
            && changes.Any(c => c.Property == nameof(BrandTask.CompletedAt) && c.New is not null))
        {
            return null; // the task source shows the completion
        }

        if (row.Action != AuditAction.Modified)
        {
            return [];
        }

        var told = ToldByHistories.GetValueOrDefault(row.EntityType);
        var fields = changes
            .Select(c => c.Property)
            .Where(p => !Bookkeeping.Contains(p) && told?.Contains(p) != true)
            .ToList();
        return fields.Count > 0 ? fields : null;
    }

    internal sealed record Row(DateTimeOffset At, Guid? ActorUserId, string ActorName, string EntityType, AuditAction Action, string Changes, Guid? ActorProviderId = null);
}
