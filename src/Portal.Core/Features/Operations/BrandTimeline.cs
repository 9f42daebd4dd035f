using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Operations;

/// <summary>Which history an entry of the brand timeline comes from.</summary>
public enum TimelineKind
{
    Application,
    Document,
    DocumentNotice,
    Tier,
    Milestone,
    Task,
    AccountManager,
    TrustCard,

    /// <summary>A change to one of the brand's records from the audit trail that no history above shows (<see cref="AuditTimelineSource"/>).</summary>
    Audit,
}

/// <summary>
/// One thing that happened to a brand. <see cref="Action"/> is the source's own code (an enum name
/// such as <c>Approve</c>), which the page turns into words; <see cref="Subject"/> names what it
/// happened to (in English, <see cref="SubjectZh"/> in Chinese when the source has both).
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineKind Kind,
    string Action,
    string? Subject = null,
    string? SubjectZh = null,
    string? Detail = null,
    Guid? ActorUserId = null,
    string? Actor = null,
    Guid? ActorProviderId = null,
    string? ActorProviderZh = null,
    string? ActorProviderEn = null)
{
    /// <summary>The actor's provider in the reader's language when they acted for a service provider (on the brand's behalf).</summary>
    public string? ActorProvider(System.Globalization.CultureInfo culture) =>
        ActorProviderId is null ? null : Providers.ProviderNames.Display(culture, ActorProviderZh ?? "", ActorProviderEn ?? "");
}

/// <summary>
/// A history the brand timeline is built from. Register one more (as a singleton) to add a source
/// without changing <see cref="BrandTimelineService"/>; if its history rows, or the records it tells
/// about, are audited, teach <see cref="AuditTimelineSource"/> to leave those entries out.
/// </summary>
public interface IBrandTimelineSource
{
    /// <summary>The source's entries for the brand, at most <paramref name="limit"/>, newest first.</summary>
    Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken);
}

/// <summary>Everything that happened to a brand, newest first: the union of every <see cref="IBrandTimelineSource"/>. Staff only.</summary>
public sealed class BrandTimelineService(IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<IBrandTimelineSource> sources)
{
    /// <summary>The newest <paramref name="limit"/> entries with the actors' names; null for anyone who is not staff.</summary>
    public async Task<IReadOnlyList<TimelineEntry>?> GetAsync(ClaimsPrincipal user, Guid brandId, int limit = 200, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = new List<TimelineEntry>();
        foreach (var source in sources)
        {
            entries.AddRange(await source.ReadAsync(db, brandId, limit, cancellationToken));
        }

        var newest = entries.OrderByDescending(e => e.At).ThenBy(e => e.Kind).Take(limit).ToList();
        var actorIds = newest.Select(e => e.ActorUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return await WithProvidersAsync(db, newest.Select(e => e.ActorUserId is { } id && names.TryGetValue(id, out var name) ? e with { Actor = name } : e).ToList(), cancellationToken);
    }

    /// <summary>
    /// Names the provider of actors who acted for one, as stored at the time: audit entries carry it from the
    /// moment of the change, the domain sources from their rows (a task completed, a document uploaded). No
    /// provider stored means the person did not act for one (ADR 0032); today's membership is never consulted.
    /// </summary>
    private static async Task<List<TimelineEntry>> WithProvidersAsync(PortalDbContext db, List<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        var providerIds = entries.Select(e => e.ActorProviderId).OfType<Guid>().Distinct().ToList();
        if (providerIds.Count == 0)
        {
            return entries;
        }

        var providers = await db.Providers.Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.NameZh, p.NameEn), cancellationToken);
        return entries
            .Select(e => e.ActorProviderId is { } id && providers.TryGetValue(id, out var names) ? e with { ActorProviderZh = names.NameZh, ActorProviderEn = names.NameEn } : e)
            .ToList();
    }
}

internal sealed class ApplicationTimelineSource : IBrandTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken) =>
        (await db.ApplicationEvents.AsNoTracking().Where(e => e.BrandId == brandId)
            .OrderByDescending(e => e.CreatedAt).Take(limit)
            .ToListAsync(cancellationToken))
        .Select(e => new TimelineEntry(e.CreatedAt, TimelineKind.Application, e.Action.ToString(), Detail: e.Reason, ActorUserId: e.ActorUserId))
        .ToList();
}

internal sealed class DocumentTimelineSource : IBrandTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken)
    {
        var decisions = await db.DocumentDecisions.AsNoTracking()
            .Join(db.Documents.Where(d => d.BrandId == brandId), x => x.DocumentId, d => d.Id, (x, d) => new { x, d.Type, d.DisplayName, d.UploadedBy, d.UploadedByProviderId })
            .OrderByDescending(x => x.x.CreatedAt).Take(limit)
            .ToListAsync(cancellationToken);
        var notices = await db.DocumentNotices.AsNoTracking().Where(n => n.BrandId == brandId)
            .Join(db.Documents, n => n.DocumentId, d => d.Id, (n, d) => new { n, d.Type })
            .OrderByDescending(x => x.n.CreatedAt).Take(limit)
            .ToListAsync(cancellationToken);
        return decisions
            .Select(x => new TimelineEntry(
                x.x.CreatedAt, TimelineKind.Document, x.x.Action.ToString(), x.Type.ToString(),
                Detail: string.Join("; ", x.x.Reasons.Append(x.x.Note ?? "").Where(s => s.Length > 0)) is { Length: > 0 } why ? why : null,
                ActorUserId: x.x.ActorUserId,
                ActorProviderId: x.x.Action == Documents.DocumentAction.Uploaded && x.x.ActorUserId == x.UploadedBy ? x.UploadedByProviderId : null))
            .Concat(notices.Select(x => new TimelineEntry(
                x.n.CreatedAt, TimelineKind.DocumentNotice, x.n.Kind.ToString(), x.Type.ToString(),
                Detail: x.n.DaysBefore is { } days ? days.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)))
            .ToList();
    }
}

/// <summary>Tier moves, their sentence built from the stored facts in the reader's language.</summary>
internal sealed class TierTimelineSource(Microsoft.Extensions.Localization.IStringLocalizer<MetricsStrings> strings) : IBrandTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken) =>
        (await db.Set<TierChange>().AsNoTracking().Where(c => c.BrandId == brandId)
            .OrderByDescending(c => c.CreatedAt).Take(limit)
            .ToListAsync(cancellationToken))
        .Select(c => new TimelineEntry(c.CreatedAt, TimelineKind.Tier, c.Source.ToString(), c.To.ToString(), Detail: Metrics.TierExplanations.Render(strings, c.To, c.EffectiveFrom, Metrics.TierChangeFacts.Of(c), c.Explanation), ActorUserId: c.ChangedByUserId))
        .ToList();
}

internal sealed class MilestoneTimelineSource : IBrandTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken) =>
        (await db.MilestoneAchievements.AsNoTracking().Where(a => a.BrandId == brandId)
            .Join(db.MilestoneDefinitions, a => a.MilestoneDefinitionId, d => d.Id, (a, d) => new { a.CreatedAt, a.AchievedOn, d.TitleEn, d.TitleZh })
            .OrderByDescending(x => x.CreatedAt).Take(limit)
            .ToListAsync(cancellationToken))
        .Select(x => new TimelineEntry(x.CreatedAt, TimelineKind.Milestone, "Achieved", x.TitleEn, x.TitleZh, Detail: Portal.Core.Localization.PortalDates.Day(x.AchievedOn)))
        .ToList();
}

internal sealed class TaskTimelineSource : IBrandTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken) =>
        (await db.BrandTasks.AsNoTracking().Where(t => t.BrandId == brandId && t.CompletedAt != null)
            .Join(db.PlaybookTasks, t => t.PlaybookTaskId, p => p.Id, (t, p) => new { t.CompletedAt, t.CompletionSource, t.CompletedByUserId, t.CompletedByProviderId, p.TitleEn, p.TitleZh })
            .OrderByDescending(x => x.CompletedAt).Take(limit)
            .ToListAsync(cancellationToken))
        .Select(x => new TimelineEntry(x.CompletedAt!.Value, TimelineKind.Task, (x.CompletionSource ?? Journey.CompletionSource.Manual).ToString(), x.TitleEn, x.TitleZh, ActorUserId: x.CompletedByUserId, ActorProviderId: x.CompletedByProviderId))
        .ToList();
}

internal sealed class AccountManagerTimelineSource : IBrandTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken) =>
        (await db.AccountManagerChanges.AsNoTracking().Where(c => c.BrandId == brandId)
            .OrderByDescending(c => c.CreatedAt).Take(limit)
            .Select(c => new { c.CreatedAt, c.ToUserId, c.ChangedByUserId, To = db.Users.Where(u => u.Id == c.ToUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken))
        .Select(c => new TimelineEntry(c.CreatedAt, TimelineKind.AccountManager, c.ToUserId is null ? "Removed" : "Assigned", c.To, ActorUserId: c.ChangedByUserId))
        .ToList();
}

internal sealed class TrustCardTimelineSource : IBrandTimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(PortalDbContext db, Guid brandId, int limit, CancellationToken cancellationToken) =>
        (await db.TrustCardChanges.AsNoTracking().Where(c => c.BrandId == brandId)
            .OrderByDescending(c => c.CreatedAt).Take(limit)
            .ToListAsync(cancellationToken))
        .Select(c => new TimelineEntry(c.CreatedAt, TimelineKind.TrustCard, "Changed", Detail: c.After.ToString(), ActorUserId: c.ChangedByUserId))
        .ToList();
}
