using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;
using Portal.Core.Localization;

namespace Portal.Core.Features.Documents;

/// <summary>
/// What a reviewer's screen reads (staff only): the review queue, the reasons to choose from and the
/// people a document can be assigned to. The decisions themselves are <see cref="DocumentReviewService"/>'s.
/// </summary>
public sealed class DocumentQueueService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<DocumentStrings> strings,
    TimeProvider clock)
{
    /// <summary>Largest page a caller may ask for; the screen asks for 25.</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// One page of the review queue (staff only; anyone else gets an empty page): filtered, sorted and paged
    /// in SQL, oldest first unless asked otherwise, with the total that matches the filter. Reviewer names are
    /// looked up only for the people assigned on this page.
    /// </summary>
    public async Task<PageOf<QueueItem>> QueuePageAsync(ClaimsPrincipal user, QueueFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return new PageOf<QueueItem>([], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var query = Filtered(db, filter, today);
        var total = await query.CountAsync(cancellationToken);
        var sorted = filter.NewestFirst
            ? query.OrderByDescending(x => x.Since).ThenBy(x => x.Document.Id)
            : query.OrderBy(x => x.Since).ThenBy(x => x.Document.Id);
        var rows = await sorted.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        var assigned = rows.Select(x => x.Document.AssignedTo).OfType<Guid>().Distinct().ToList();
        var reviewers = assigned.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => assigned.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new PageOf<QueueItem>(rows.Select(x => Item(x, reviewers, today)).ToList(), total);
    }

    /// <summary>
    /// The filter as SQL. The age cutoff is computed here as an instant (start of the platform day after
    /// today − MinAgeDays) so the database only compares instants. CoveredCategories is a primitive
    /// collection (JSON text on SQLite, an array on PostgreSQL); EF translates Contains on both.
    /// </summary>
    private static IQueryable<QueueRow> Filtered(PortalDbContext db, QueueFilter filter, DateOnly today)
    {
        var documents = db.Documents.AsNoTracking();
        if (filter.Status is { } status)
        {
            documents = documents.Where(d => d.Status == status);
        }

        if (filter.Type is { } type)
        {
            documents = documents.Where(d => d.Type == type);
        }

        if (filter.CategoryCode is { } category)
        {
            documents = documents.Where(d => d.CoveredCategories.Contains(category)
                || db.RequirementRules.Any(r => r.Id == d.RuleId && r.CategoryCode == category));
        }

        if (filter.MinAgeDays is { } minAge)
        {
            var cutoff = PlatformTime.At(today.AddDays(1 - Math.Max(0, minAge)), TimeOnly.MinValue).ToUniversalTime();
            documents = documents.Where(d => (d.AwaitingSince ?? d.CreatedAt) < cutoff);
        }

        var rows = documents
            .Join(db.Brands, d => d.BrandId, b => b.Id, (d, b) => new { d, b.Code, b.NameZh, b.NameEn })
            .Join(db.RequirementRules, x => x.d.RuleId, r => r.Id, (x, r) => new QueueRow
            {
                Document = x.d, BrandCode = x.Code, NameZh = x.NameZh, NameEn = x.NameEn, RuleCategory = r.CategoryCode,
                Since = x.d.AwaitingSince ?? x.d.CreatedAt,
            });
        return filter.BrandCode is { } brand ? rows.Where(x => x.BrandCode == brand) : rows;
    }

    /// <summary>Reasons staff can choose from, best first, in the reader's language.</summary>
    public async Task<IReadOnlyList<ReasonChoice>> ReasonsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reasons = await db.ReviewReasons.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Rank).ToListAsync(cancellationToken);
        return reasons.Select(r => new ReasonChoice(r.Code, r.Text(CultureInfo.CurrentUICulture))).ToList();
    }

    /// <summary>Staff people a document can be assigned to.</summary>
    public async Task<IReadOnlyList<ReviewerChoice>> ReviewersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await NotificationService.StaffQuery(db).OrderBy(u => EF.Functions.Collate(u.DisplayName, NameOrder.Collation)).Select(u => new ReviewerChoice(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }

    private QueueItem Item(QueueRow x, Dictionary<Guid, string> reviewers, DateOnly today)
    {
        var d = x.Document;
        var categories = d.CoveredCategories.Concat(x.RuleCategory is null ? [] : [x.RuleCategory]).Distinct().ToList();
        var since = x.Since;
        return new QueueItem(
            d.Id,
            x.BrandCode,
            CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? x.NameZh : x.NameEn,
            d.Type,
            strings.TypeName(d.Type),
            d.Version,
            d.Status,
            strings[$"Status_{d.Status}"],
            d.DisplayName,
            d.ContentType,
            d.CertificateNumber,
            d.Issuer,
            d.IssuedOn,
            d.ExpiresOn,
            categories,
            since,
            today.DayNumber - PlatformTime.DayOf(since).DayNumber,
            d.ReviewDueOn,
            d.Status == DocumentStatus.AwaitingReview && d.ReviewDueOn < today,
            d.FraudUnresolved,
            d.FraudFindings.Select(f => strings[f.Code, f.Argument ?? ""].Value).ToList(),
            d.FraudClearNote,
            d.AssignedTo,
            d.AssignedTo is { } a ? reviewers.GetValueOrDefault(a) : null);
    }

    // Member-initialised (not positional) so EF can still filter and sort on its members after the projection.
    private sealed class QueueRow
    {
        public required Document Document { get; init; }

        public required string BrandCode { get; init; }

        public required string NameZh { get; init; }

        public required string NameEn { get; init; }

        public string? RuleCategory { get; init; }

        public DateTimeOffset Since { get; init; }
    }
}
