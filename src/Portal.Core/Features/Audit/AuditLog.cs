using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Administration;

namespace Portal.Core.Features.Audit;

/// <summary>What the audit log viewer filters on; every part optional. Dates are instants, From inclusive, To exclusive.</summary>
public sealed record AuditFilter(
    string? Actor = null,
    string? EntityType = null,
    Guid? BrandId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null,
    string? BrandCode = null)
{
    /// <summary>
    /// Instants for whole platform days (China Standard Time), both days included. The calendar's first day (which
    /// starts before year 1 in UTC) and last day (which has no next) leave their side open: no limit, as meant.
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) Days(DateOnly? from, DateOnly? to) =>
        (from is { } f && f > DateOnly.MinValue ? PlatformTime.At(f, TimeOnly.MinValue) : null,
         to is { } t && t < DateOnly.MaxValue ? PlatformTime.At(t.AddDays(1), TimeOnly.MinValue) : null);
}

/// <summary>An audit entry as the viewer and the export show it.</summary>
public sealed record AuditRow(
    Guid Id,
    DateTimeOffset At,
    Guid? ActorUserId,
    string ActorName,
    string? ActorEmail,
    Guid? BrandId,
    string? BrandCode,
    string EntityType,
    string EntityKey,
    AuditAction Action,
    string? Operation,
    string Changes,
    string? ProviderCode = null,
    string? ProviderNameZh = null,
    string? ProviderNameEn = null)
{
    /// <summary>Whether the actor worked for a service provider: with a brand, the change was made on the brand's behalf.</summary>
    public bool ByProvider => ProviderCode is not null;
}

/// <summary>Reads the audit trail for admins: filtered pages, newest first, and a streamed CSV of all filtered entries.</summary>
public sealed class AuditLog(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<AdminStrings> strings,
    TimeProvider clock)
{
    public async Task<Outcome<PageOf<AuditRow>>> QueryAsync(ClaimsPrincipal admin, AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return Outcome<PageOf<AuditRow>>.Fail(strings["Admin_Refused"]);
        }

        var entries = Filtered(db, filter);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await Project(db, entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)))
            .ToListAsync(cancellationToken);
        return Outcome<PageOf<AuditRow>>.Success(new PageOf<AuditRow>(rows, total));
    }

    /// <summary>The entity types present in the trail, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return [];
        }

        return await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Writes every entry matching <paramref name="filter"/> as CSV, newest first, row by row from
    /// the database (nothing is held in memory). Refused (nothing written) for anyone but an admin.
    /// </summary>
    public async Task<Outcome> ExportCsvAsync(ClaimsPrincipal admin, AuditFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return Outcome.Fail(strings["Admin_Refused"]);
        }

        // A byte order mark so spreadsheets read Chinese names as UTF-8; fields that start like a
        // formula are escaped, so opening the file never runs what someone typed into a name.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(["At", "ActorUserId", "ActorName", "ActorEmail", "ActorProvider", "BrandCode", "EntityType", "EntityKey", "Action", "Operation", "Changes"], cancellationToken);
        var rows = Project(db, Filtered(db, filter).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(
            [
                row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                row.ActorUserId?.ToString(),
                row.ActorName,
                row.ActorEmail,
                row.ProviderCode,
                row.BrandCode,
                row.EntityType,
                row.EntityKey,
                row.Action.ToString(),
                row.Operation,
                row.Changes,
            ], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
        return Outcome.Ok;
    }

    private static IQueryable<AuditEntry> Filtered(PortalDbContext db, AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            entries = Guid.TryParse(actor, out var actorId)
                ? entries.Where(e => e.ActorUserId == actorId)
                : entries.Where(e => e.ActorName.Contains(actor) || (e.ActorEmail != null && e.ActorEmail.Contains(actor)));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(e => e.EntityType == filter.EntityType);
        }

        if (filter.BrandId is { } brandId)
        {
            entries = entries.Where(e => e.BrandId == brandId);
        }

        if (!string.IsNullOrWhiteSpace(filter.BrandCode))
        {
            var code = filter.BrandCode.Trim();
            entries = entries.Where(e => db.Brands.Any(b => b.Id == e.BrandId && b.Code == code));
        }

        if (filter.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            entries = entries.Where(e => e.EntityKey.Contains(text) || e.Changes.Contains(text) || (e.Operation != null && e.Operation.Contains(text)) || e.EntityType.Contains(text));
        }

        return entries;
    }

    private static IQueryable<AuditRow> Project(PortalDbContext db, IQueryable<AuditEntry> entries) =>
        entries.Select(e => new AuditRow(
            e.Id, e.At, e.ActorUserId, e.ActorName, e.ActorEmail, e.BrandId,
            db.Brands.Where(b => b.Id == e.BrandId).Select(b => b.Code).FirstOrDefault(),
            e.EntityType, e.EntityKey, e.Action, e.Operation, e.Changes,
            db.Providers.Where(p => p.Id == e.ActorProviderId).Select(p => p.Code).FirstOrDefault(),
            db.Providers.Where(p => p.Id == e.ActorProviderId).Select(p => p.NameZh).FirstOrDefault(),
            db.Providers.Where(p => p.Id == e.ActorProviderId).Select(p => p.NameEn).FirstOrDefault()));
}
