using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
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
    /// <summary>The review queue (staff only): filtered, oldest first unless asked otherwise.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(ClaimsPrincipal user, QueueFilter filter, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Documents.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(d => d.Type == type);
        }

        var rows = await query
            .Join(db.Brands, d => d.BrandId, b => b.Id, (d, b) => new { d, b.Code, b.NameZh, b.NameEn })
            .Join(db.RequirementRules, x => x.d.RuleId, r => r.Id, (x, r) => new { x.d, x.Code, x.NameZh, x.NameEn, RuleCategory = r.CategoryCode })
            .Where(x => filter.BrandCode == null || x.Code == filter.BrandCode)
            .ToListAsync(cancellationToken);
        var reviewers = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var items = rows.Select(x => Item(new QueueRow(x.d, x.Code, x.NameZh, x.NameEn, x.RuleCategory), reviewers, today))
            .Where(i => filter.CategoryCode is null || i.Categories.Contains(filter.CategoryCode))
            .Where(i => filter.MinAgeDays is null || i.AgeDays >= filter.MinAgeDays);
        return (filter.NewestFirst ? items.OrderByDescending(i => i.WaitingSince) : items.OrderBy(i => i.WaitingSince)).ToList();
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
        var since = d.AwaitingSince ?? d.CreatedAt;
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

    private sealed record QueueRow(Document Document, string BrandCode, string NameZh, string NameEn, string? RuleCategory);
}
