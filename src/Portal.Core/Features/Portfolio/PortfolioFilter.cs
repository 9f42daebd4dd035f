using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;

namespace Portal.Core.Features.Portfolio;

/// <summary>
/// The instant a portfolio request is answered at, and the days derived from it. One value for the filter, the
/// count key and the rows' shaping, so a total, its page and each row's stalled and compliance flags agree.
/// </summary>
internal sealed record PortfolioQueryContext(DateTimeOffset At, DateOnly Today, DateOnly StalledDay, DateTimeOffset StalledInstant, bool Chinese)
{
    /// <summary>The context at <paramref name="exact"/>, cut to whole seconds, in the current UI culture.</summary>
    public static PortfolioQueryContext Of(DateTimeOffset exact, int stalledAfterDays)
    {
        // Whole seconds: a total and its page agree, and a cached count holds for the rest of the second.
        var now = exact.AddTicks(-(exact.Ticks % TimeSpan.TicksPerSecond));
        var today = PlatformTime.DayOf(now);
        return new PortfolioQueryContext(now, today, today.AddDays(-stalledAfterDays), now.AddDays(-stalledAfterDays),
            CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// A <see cref="PortfolioSpec"/> as SQL over the maintained <see cref="BrandPortfolioRow"/>s: the view, the filters
/// and the order, each sort walking its index. Kept apart from <see cref="PortfolioQuery"/> (which checks who asks,
/// counts, caches and pages) because these are the rules that must stay in step with the rows' own
/// (<see cref="BrandPortfolioRow.Stalled"/>, the compliance a lapsed document changes) and are read on their own.
/// </summary>
internal static class PortfolioFilter
{
    /// <summary>The rows <paramref name="spec"/> matches for <paramref name="user"/> at the context's instant, unordered.</summary>
    public static IQueryable<BrandPortfolioRow> Apply(PortalDbContext db, ClaimsPrincipal user, PortfolioSpec spec, PortfolioQueryContext context)
    {
        var today = context.Today;
        var sinceDay = context.StalledDay;
        var sinceInstant = context.StalledInstant;

        var query = db.BrandPortfolioRows.AsNoTracking();

        var me = BrandDirectory.UserId(user);
        var expiringUntil = today.AddDays(PortfolioSpec.ExpiringWithinDays);
        query = spec.View switch
        {
            PortfolioView.Mine => query.Where(x => x.AccountManagerUserId == me),
            PortfolioView.ReadyForReview => query.Where(x => x.Status == ApplicationStatus.Submitted || x.Status == ApplicationStatus.UnderReview || x.DocumentsAwaitingReview > 0),
            PortfolioView.ExpiringDocuments => query.Where(x => x.NextExpiryOn > today && x.NextExpiryOn <= expiringUntil),
            PortfolioView.Blocked => WithCompliance(query, ComplianceStatus.Blocked, today),
            PortfolioView.Stalled => WithStalled(query, true, sinceDay, sinceInstant),
            _ => query,
        };

        if (!string.IsNullOrWhiteSpace(spec.Search))
        {
            // Case ignored on both engines: SQLite's LIKE ignores (ASCII) case by itself, PostgreSQL's needs ILIKE.
            var pattern = "%" + spec.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = db.Database.IsNpgsql()
                ? query.Where(x => EF.Functions.ILike(x.Code, pattern, "\\") || EF.Functions.ILike(x.NameEn, pattern, "\\") || EF.Functions.ILike(x.NameZh, pattern, "\\"))
                : query.Where(x => EF.Functions.Like(x.Code, pattern, "\\") || EF.Functions.Like(x.NameEn, pattern, "\\") || EF.Functions.Like(x.NameZh, pattern, "\\"));
        }

        if (spec.Tier is { } tier)
        {
            query = query.Where(x => x.Tier == tier);
        }

        if (spec.Status is { } status)
        {
            query = query.Where(x => x.Status == status);
        }

        if (spec.Compliance is { } compliance)
        {
            query = WithCompliance(query, compliance, today);
        }

        if (!string.IsNullOrWhiteSpace(spec.Category))
        {
            var code = spec.Category.Trim();
            query = query.Where(x => db.BrandCategories.Any(bc => bc.BrandId == x.BrandId && db.Categories.Any(c => c.Id == bc.CategoryId && c.Code == code)));
        }

        if (spec.Stalled is { } stalled)
        {
            query = WithStalled(query, stalled, sinceDay, sinceInstant);
        }

        return query;
    }

    /// <summary>The rows in the spec's order, with the brand code as a unique tie-breaker.</summary>
    public static IQueryable<BrandPortfolioRow> Sort(IQueryable<BrandPortfolioRow> query, PortfolioSpec spec)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var d = spec.Descending;
        IOrderedQueryable<BrandPortfolioRow> sorted = spec.Sort switch
        {
            PortfolioSort.Code => By(query, x => x.Code, d),
            PortfolioSort.Tier => By(query, x => x.Tier == GrowthTier.Ska ? 3 : x.Tier == GrowthTier.Ka ? 2 : x.Tier == GrowthTier.RampUp ? 1 : 0, d),
            PortfolioSort.Status => By(query, x => x.Status == ApplicationStatus.Draft ? 0
                : x.Status == ApplicationStatus.Submitted ? 1
                : x.Status == ApplicationStatus.UnderReview ? 2
                : x.Status == ApplicationStatus.ChangesRequested ? 3
                : x.Status == ApplicationStatus.Approved ? 4
                : x.Status == ApplicationStatus.Rejected ? 5 : 6, d),
            PortfolioSort.Compliance => By(query, x => x.Compliance == ComplianceStatus.Blocked ? 0 : x.Compliance == ComplianceStatus.Incomplete ? 1 : 2, d),
            PortfolioSort.Gmv => By(query, x => x.Gmv30, d),
            PortfolioSort.Trend => By(query, x => x.TrendPercent, d),
            PortfolioSort.LastActivity => By(query, x => x.LastActivityAt, d),
            PortfolioSort.Created => By(query, x => x.CreatedAt, d),
            _ => chinese ? By(query, x => EF.Functions.Collate(x.NameZh, NameOrder.Collation), d) : By(query, x => EF.Functions.Collate(x.NameEn, NameOrder.Collation), d),
        };

        // A unique tie-breaker keeps pages stable: no brand on two pages, none skipped.
        return sorted.ThenBy(x => x.Code);
    }

    // Compliance is stored as evaluated on the refresh day; an approved document that lapsed since makes it Blocked.
    private static IQueryable<BrandPortfolioRow> WithCompliance(IQueryable<BrandPortfolioRow> query, ComplianceStatus compliance, DateOnly today) => compliance switch
    {
        ComplianceStatus.Blocked => query.Where(x => x.Compliance == ComplianceStatus.Blocked || x.BlockedFrom <= today),
        ComplianceStatus.Compliant => query.Where(x => x.Compliance == ComplianceStatus.Compliant && !(x.BlockedFrom <= today)),
        _ => query.Where(x => x.Compliance == ComplianceStatus.Incomplete && !(x.BlockedFrom <= today)),
    };

    // The same rule as MetricsReader.GetStalledBrandsAsync, as SQL over the maintained dates (BrandPortfolioRow.Stalled).
    private static IQueryable<BrandPortfolioRow> WithStalled(IQueryable<BrandPortfolioRow> query, bool stalled, DateOnly sinceDay, DateTimeOffset sinceInstant)
    {
        var rule = BrandPortfolioRow.Stalled(sinceDay, sinceInstant);
        return query.Where(stalled ? rule : Expression.Lambda<Func<BrandPortfolioRow, bool>>(Expression.Not(rule.Body), rule.Parameters));
    }

    private static IOrderedQueryable<BrandPortfolioRow> By<TKey>(IQueryable<BrandPortfolioRow> query, Expression<Func<BrandPortfolioRow, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);
}
