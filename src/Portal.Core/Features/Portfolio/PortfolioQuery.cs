using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Portfolio;

/// <summary>One brand as a portfolio row shows it; names and categories already in the reader's language.</summary>
public sealed record PortfolioRowView(
    Guid BrandId,
    string Code,
    string Name,
    IReadOnlyList<string> Categories,
    GrowthTier Tier,
    ApplicationStatus Status,
    ComplianceStatus Compliance,
    IReadOnlyList<int> Progress,
    decimal Gmv30,
    decimal GmvPrev30,
    int? TrendPercent,
    Guid? AccountManagerId,
    string? AccountManager,
    bool Stalled,
    DateTimeOffset? LastActivityAt,
    int DocumentsAwaitingReview,
    DateOnly? NextExpiryOn);

/// <summary>A page of the portfolio and how many brands match in all.</summary>
public sealed record PortfolioPage(IReadOnlyList<PortfolioRowView> Rows, int Total);

/// <summary>
/// Answers the staff portfolio: a page (and the total) of brands for a <see cref="PortfolioSpec"/>,
/// filtered, sorted and paged in SQL over <c>Brands</c> joined to the maintained
/// <see cref="BrandPortfolioRow"/>s. Staff only, checked on every call.
/// </summary>
public sealed class PortfolioQuery(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<MetricsOptions> metricsOptions,
    IOptions<PortfolioOptions> options,
    IStringLocalizer<PortfolioStrings> strings,
    TimeProvider clock)
{
    /// <summary>The page the spec asks for; fails for anyone but staff.</summary>
    public async Task<Outcome<PortfolioPage>> PageAsync(ClaimsPrincipal user, PortfolioSpec spec, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return Outcome<PortfolioPage>.Fail(strings["Portfolio_StaffOnly"]);
        }

        var pageSize = Math.Clamp(spec.PageSize, 1, options.Value.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, user, spec, out var context);
        var total = await CountCoreAsync(db, user, spec, filtered, cancellationToken);
        var page = await Sort(filtered, spec).Skip(Math.Max(0, spec.Page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Outcome<PortfolioPage>.Success(new PortfolioPage(await ViewsAsync(db, page, context, cancellationToken), total));
    }

    /// <summary>How many brands match; fails for anyone but staff.</summary>
    public async Task<Outcome<int>> CountAsync(ClaimsPrincipal user, PortfolioSpec spec, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return Outcome<int>.Fail(strings["Portfolio_StaffOnly"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Outcome<int>.Success(await CountCoreAsync(db, user, spec, Filter(db, user, spec, out _), cancellationToken));
    }

    // Without a filter on the maintained row, counting needs no join: SQLite counts the Brands index alone.
    private static Task<int> CountCoreAsync(PortalDbContext db, ClaimsPrincipal user, PortfolioSpec spec, IQueryable<Flat> filtered, CancellationToken cancellationToken)
    {
        var needsRow = spec.View is not (PortfolioView.All or PortfolioView.Mine) || spec.Compliance is not null || spec.Stalled is not null;
        if (needsRow || !string.IsNullOrWhiteSpace(spec.Search) || !string.IsNullOrWhiteSpace(spec.Category))
        {
            return filtered.CountAsync(cancellationToken);
        }

        var me = BrandDirectory.UserId(user);
        var brands = db.Brands.AsQueryable();
        brands = spec.View == PortfolioView.Mine ? brands.Where(b => b.AccountManagerUserId == me) : brands;
        brands = spec.Tier is { } tier ? brands.Where(b => b.Tier == tier) : brands;
        brands = spec.Status is { } status ? brands.Where(b => b.Status == status) : brands;
        return brands.CountAsync(cancellationToken);
    }

    /// <summary>Every matching row in the spec's order (paging ignored), read in batches, for exports. Staff only: throws otherwise.</summary>
    public async IAsyncEnumerable<PortfolioRowView> AllAsync(ClaimsPrincipal user, PortfolioSpec spec, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            throw new UnauthorizedAccessException("The portfolio is for staff only.");
        }

        const int batch = 1_000;
        for (var skip = 0; ; skip += batch)
        {
            List<PortfolioRowView> views;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var filtered = Filter(db, user, spec, out var context);
                var rows = await Sort(filtered, spec).Skip(skip).Take(batch).ToListAsync(cancellationToken);
                views = await ViewsAsync(db, rows, context, cancellationToken);
            }

            foreach (var view in views)
            {
                yield return view;
            }

            if (views.Count < batch)
            {
                yield break;
            }
        }
    }

    /// <summary>A brand joined to its maintained row (null until the refresher has seen it).</summary>
    public sealed class Flat
    {
        public Guid Id { get; init; }

        public string Code { get; init; } = "";

        public string NameZh { get; init; } = "";

        public string NameEn { get; init; } = "";

        public GrowthTier Tier { get; init; }

        public ApplicationStatus Status { get; init; }

        public Guid? AccountManagerUserId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public BrandPortfolioRow? Row { get; init; }
    }

    private sealed record QueryContext(DateOnly Today, DateOnly StalledDay, DateTimeOffset StalledInstant, bool Chinese);

    private IQueryable<Flat> Filter(PortalDbContext db, ClaimsPrincipal user, PortfolioSpec spec, out QueryContext context)
    {
        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var days = metricsOptions.Value.StalledAfterDays;
        context = new QueryContext(today, today.AddDays(-days), now.AddDays(-days), CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        var sinceDay = context.StalledDay;
        var sinceInstant = context.StalledInstant;

        var query = from b in db.Brands.AsNoTracking()
                    join r0 in db.BrandPortfolioRows.AsNoTracking() on b.Id equals r0.BrandId into rows
                    from r in rows.DefaultIfEmpty()
                    select new Flat { Id = b.Id, Code = b.Code, NameZh = b.NameZh, NameEn = b.NameEn, Tier = b.Tier, Status = b.Status, AccountManagerUserId = b.AccountManagerUserId, CreatedAt = b.CreatedAt, Row = r };

        var me = BrandDirectory.UserId(user);
        var expiringUntil = today.AddDays(PortfolioSpec.ExpiringWithinDays);
        query = spec.View switch
        {
            PortfolioView.Mine => query.Where(x => x.AccountManagerUserId == me),
            PortfolioView.ReadyForReview => query.Where(x => x.Status == ApplicationStatus.Submitted || x.Status == ApplicationStatus.UnderReview
                || (x.Row != null && x.Row.DocumentsAwaitingReview > 0)),
            PortfolioView.ExpiringDocuments => query.Where(x => x.Row != null && x.Row.NextExpiryOn > today && x.Row.NextExpiryOn <= expiringUntil),
            PortfolioView.Blocked => WithCompliance(query, ComplianceStatus.Blocked, today),
            PortfolioView.Stalled => WithStalled(query, true, sinceDay, sinceInstant),
            _ => query,
        };

        if (!string.IsNullOrWhiteSpace(spec.Search))
        {
            var pattern = "%" + spec.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(x => EF.Functions.Like(x.Code, pattern, "\\") || EF.Functions.Like(x.NameEn, pattern, "\\") || EF.Functions.Like(x.NameZh, pattern, "\\"));
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
            query = query.Where(x => db.BrandCategories.Any(bc => bc.BrandId == x.Id && db.Categories.Any(c => c.Id == bc.CategoryId && c.Code == code)));
        }

        if (spec.Stalled is { } stalled)
        {
            query = WithStalled(query, stalled, sinceDay, sinceInstant);
        }

        return query;
    }

    // Compliance is stored as evaluated on the refresh day; an approved document that lapsed since makes it Blocked.
    private static IQueryable<Flat> WithCompliance(IQueryable<Flat> query, ComplianceStatus compliance, DateOnly today) => compliance switch
    {
        ComplianceStatus.Blocked => query.Where(x => x.Row != null && (x.Row.Compliance == ComplianceStatus.Blocked || x.Row.BlockedFrom <= today)),
        ComplianceStatus.Compliant => query.Where(x => x.Row != null && x.Row.Compliance == ComplianceStatus.Compliant && !(x.Row.BlockedFrom <= today)),
        _ => query.Where(x => x.Row == null || (x.Row.Compliance == ComplianceStatus.Incomplete && !(x.Row.BlockedFrom <= today))),
    };

    // The same rule as MetricsReader.GetStalledBrandsAsync, as SQL over the maintained dates.
    private static IQueryable<Flat> WithStalled(IQueryable<Flat> query, bool stalled, DateOnly sinceDay, DateTimeOffset sinceInstant) => stalled
        ? query.Where(x => x.CreatedAt < sinceInstant
            && (x.Row == null || ((x.Row.LastFiguresOn == null || x.Row.LastFiguresOn <= sinceDay) && (x.Row.LastMilestoneAt == null || x.Row.LastMilestoneAt <= sinceInstant))))
        : query.Where(x => !(x.CreatedAt < sinceInstant
            && (x.Row == null || ((x.Row.LastFiguresOn == null || x.Row.LastFiguresOn <= sinceDay) && (x.Row.LastMilestoneAt == null || x.Row.LastMilestoneAt <= sinceInstant)))));

    private static IQueryable<Flat> Sort(IQueryable<Flat> query, PortfolioSpec spec)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var d = spec.Descending;
        IOrderedQueryable<Flat> sorted = spec.Sort switch
        {
            PortfolioSort.Code => By(query, x => x.Code, d),
            PortfolioSort.Tier => By(query, x => x.Tier == GrowthTier.Ska ? 3 : x.Tier == GrowthTier.Ka ? 2 : x.Tier == GrowthTier.RampUp ? 1 : 0, d),
            PortfolioSort.Status => By(query, x => x.Status == ApplicationStatus.Draft ? 0
                : x.Status == ApplicationStatus.Submitted ? 1
                : x.Status == ApplicationStatus.UnderReview ? 2
                : x.Status == ApplicationStatus.ChangesRequested ? 3
                : x.Status == ApplicationStatus.Approved ? 4
                : x.Status == ApplicationStatus.Rejected ? 5 : 6, d),
            PortfolioSort.Compliance => By(query, x => x.Row == null ? 1 : x.Row.Compliance == ComplianceStatus.Blocked ? 0 : x.Row.Compliance == ComplianceStatus.Incomplete ? 1 : 2, d),
            PortfolioSort.Gmv => By(query, x => x.Row == null ? 0 : x.Row.Gmv30, d),
            PortfolioSort.Trend => By(query, x => x.Row == null ? null : x.Row.TrendPercent, d),
            PortfolioSort.LastActivity => By(query, x => x.Row == null ? null : x.Row.LastActivityAt, d),
            PortfolioSort.Created => By(query, x => x.CreatedAt, d),
            _ => chinese ? By(query, x => x.NameZh, d) : By(query, x => x.NameEn, d),
        };

        // A unique tie-breaker keeps pages stable: no brand on two pages, none skipped.
        return sorted.ThenBy(x => x.Code);
    }

    private static IOrderedQueryable<Flat> By<TKey>(IQueryable<Flat> query, System.Linq.Expressions.Expression<Func<Flat, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static async Task<List<PortfolioRowView>> ViewsAsync(PortalDbContext db, List<Flat> page, QueryContext context, CancellationToken cancellationToken)
    {
        var ids = page.Select(x => x.Id).ToList();
        var categories = (await db.BrandCategories.Where(bc => ids.Contains(bc.BrandId))
                .Join(db.Categories, bc => bc.CategoryId, c => c.Id, (bc, c) => new { bc.BrandId, c.NameZh, c.NameEn, c.SortOrder })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.BrandId);
        var managerIds = page.Select(x => x.AccountManagerUserId).OfType<Guid>().Distinct().ToList();
        var managers = managerIds.Count == 0
            ? []
            : await db.Users.Where(u => managerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName, cancellationToken);
        return page.Select(x =>
        {
            var b = x;
            var r = x.Row;
            var compliance = r is null ? ComplianceStatus.Incomplete
                : r.Compliance == ComplianceStatus.Blocked || r.BlockedFrom <= context.Today ? ComplianceStatus.Blocked
                : r.Compliance;
            var stalled = b.CreatedAt < context.StalledInstant
                && (r is null || ((r.LastFiguresOn is null || r.LastFiguresOn <= context.StalledDay) && (r.LastMilestoneAt is null || r.LastMilestoneAt <= context.StalledInstant)));
            return new PortfolioRowView(
                b.Id,
                b.Code,
                context.Chinese ? (string.IsNullOrWhiteSpace(b.NameZh) ? b.NameEn : b.NameZh) : (string.IsNullOrWhiteSpace(b.NameEn) ? b.NameZh : b.NameEn),
                categories[b.Id].OrderBy(c => c.SortOrder).Select(c => context.Chinese ? c.NameZh : c.NameEn).ToList(),
                b.Tier,
                b.Status,
                compliance,
                r is null ? [0, 0, 0, 0, 0] : [r.ProgressDistribution, r.ProgressTraffic, r.ProgressSelfStreaming, r.ProgressPrivateDomain, r.ProgressExclusive],
                r?.Gmv30 ?? 0,
                r?.GmvPrev30 ?? 0,
                r?.TrendPercent,
                b.AccountManagerUserId,
                b.AccountManagerUserId is { } m ? managers.GetValueOrDefault(m) : null,
                stalled,
                r?.LastActivityAt,
                r?.DocumentsAwaitingReview ?? 0,
                r?.NextExpiryOn);
        }).ToList();
    }
}
