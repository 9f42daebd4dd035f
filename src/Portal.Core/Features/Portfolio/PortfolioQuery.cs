using System.Collections.Concurrent;
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
using Portal.Core.Localization;

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
/// filtered, sorted and paged in SQL over the maintained <see cref="BrandPortfolioRow"/>s alone (they carry the
/// brand's own columns, copied by the refresher), each sort walking its index. Staff only, checked on every call.
/// Totals are cached per filter, keyed on <see cref="PortfolioVersion"/> (raised in every transaction that rewrites
/// rows or changes a category) and on the second the filter is evaluated at (the stalled rule depends on the time),
/// so a cached total is never older than the data: paging, sorting and repeated requests skip the count.
/// </summary>
public sealed class PortfolioQuery(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<MetricsOptions> metricsOptions,
    IOptions<PortfolioOptions> options,
    IStringLocalizer<PortfolioStrings> strings,
    TimeProvider clock)
{
    private const int MaxCachedCounts = 2_048;

    private readonly ConcurrentDictionary<CountKey, int> _counts = new();

    // Replaced whole (a reference write), so concurrent readers never see a torn pair.
    private CategoryCache? _categories;

    /// <summary>Everything a count depends on; the sort and the page do not change it.</summary>
    private sealed record CountKey(long Version, DateTimeOffset At, int StalledAfterDays, PortfolioView View, string? Search, GrowthTier? Tier,
        ApplicationStatus? Status, ComplianceStatus? Compliance, string? Category, bool? Stalled, Guid? Me);
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
        var (total, version) = await CountCachedAsync(db, user, spec, filtered, context, cancellationToken);
        var page = await Sort(filtered, spec).Skip(Math.Max(0, spec.Page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Outcome<PortfolioPage>.Success(new PortfolioPage(Views(page, await CategoriesAsync(db, version, cancellationToken), context), total));
    }

    /// <summary>How many brands match; fails for anyone but staff.</summary>
    public async Task<Outcome<int>> CountAsync(ClaimsPrincipal user, PortfolioSpec spec, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return Outcome<int>.Fail(strings["Portfolio_StaffOnly"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, user, spec, out var context);
        return Outcome<int>.Success((await CountCachedAsync(db, user, spec, filtered, context, cancellationToken)).Count);
    }

    private async Task<(int Count, long Version)> CountCachedAsync(PortalDbContext db, ClaimsPrincipal user, PortfolioSpec spec, IQueryable<BrandPortfolioRow> filtered, QueryContext context, CancellationToken cancellationToken)
    {
        // One small read on the connection the page query then uses.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""SELECT "Value" FROM "PortfolioVersion" WHERE "Id" = {PortfolioVersion.SingleId}""";
        var version = await command.ExecuteScalarAsync(cancellationToken) is long value ? value : -1;
        var key = new CountKey(version, context.At, metricsOptions.Value.StalledAfterDays, spec.View, spec.Search?.Trim(), spec.Tier, spec.Status, spec.Compliance,
            spec.Category?.Trim(), spec.Stalled, spec.View == PortfolioView.Mine ? BrandDirectory.UserId(user) : null);
        if (version >= 0 && _counts.TryGetValue(key, out var cached))
        {
            return (cached, version);
        }

        var count = await filtered.CountAsync(cancellationToken);
        if (_counts.Count >= MaxCachedCounts)
        {
            _counts.Clear();
        }

        _counts[key] = count;
        return (count, version);
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
                views = Views(rows, await CategoriesAsync(db, null, cancellationToken), context);
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

    private sealed record QueryContext(DateTimeOffset At, DateOnly Today, DateOnly StalledDay, DateTimeOffset StalledInstant, bool Chinese);

    private IQueryable<BrandPortfolioRow> Filter(PortalDbContext db, ClaimsPrincipal user, PortfolioSpec spec, out QueryContext context)
    {
        // Whole seconds: a total and its page agree, and a cached count holds for the rest of the second.
        var exact = clock.GetUtcNow();
        var now = exact.AddTicks(-(exact.Ticks % TimeSpan.TicksPerSecond));
        var today = PlatformTime.DayOf(now);
        var days = metricsOptions.Value.StalledAfterDays;
        context = new QueryContext(now, today, today.AddDays(-days), now.AddDays(-days), CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
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
            query = query.Where(x => db.BrandCategories.Any(bc => bc.BrandId == x.BrandId && db.Categories.Any(c => c.Id == bc.CategoryId && c.Code == code)));
        }

        if (spec.Stalled is { } stalled)
        {
            query = WithStalled(query, stalled, sinceDay, sinceInstant);
        }

        return query;
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
        return query.Where(stalled ? rule : System.Linq.Expressions.Expression.Lambda<Func<BrandPortfolioRow, bool>>(System.Linq.Expressions.Expression.Not(rule.Body), rule.Parameters));
    }

    private static IQueryable<BrandPortfolioRow> Sort(IQueryable<BrandPortfolioRow> query, PortfolioSpec spec)
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

    private static IOrderedQueryable<BrandPortfolioRow> By<TKey>(IQueryable<BrandPortfolioRow> query, System.Linq.Expressions.Expression<Func<BrandPortfolioRow, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private sealed record CategoryName(string NameZh, string NameEn, int SortOrder);

    private sealed record CategoryCache(long Version, IReadOnlyDictionary<Guid, CategoryName> Names);

    /// <summary>Every category's names, cached until <see cref="PortfolioVersion"/> moves (any change of a category raises it); a null version reads afresh.</summary>
    private async Task<IReadOnlyDictionary<Guid, CategoryName>> CategoriesAsync(PortalDbContext db, long? version, CancellationToken cancellationToken)
    {
        if (version is { } v && v >= 0 && _categories is { } cached && cached.Version == v)
        {
            return cached.Names;
        }

        var names = (await db.Categories.AsNoTracking().Select(c => new { c.Id, c.NameZh, c.NameEn, c.SortOrder }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => new CategoryName(c.NameZh, c.NameEn, c.SortOrder));
        if (version is { } current && current >= 0)
        {
            _categories = new CategoryCache(current, names);
        }

        return names;
    }

    private static IEnumerable<CategoryName> CategoriesOf(BrandPortfolioRow row, IReadOnlyDictionary<Guid, CategoryName> names)
    {
        foreach (var part in row.CategoryIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Guid.TryParse(part, out var id) && names.TryGetValue(id, out var name))
            {
                yield return name;
            }
        }
    }

    private static List<PortfolioRowView> Views(List<BrandPortfolioRow> page, IReadOnlyDictionary<Guid, CategoryName> categories, QueryContext context)
    {
        return page.Select(r =>
        {
            var compliance = r.Compliance == ComplianceStatus.Blocked || r.BlockedFrom <= context.Today ? ComplianceStatus.Blocked : r.Compliance;
            var stalled = r.IsStalled(context.StalledDay, context.StalledInstant);
            return new PortfolioRowView(
                r.BrandId,
                r.Code,
                context.Chinese ? (string.IsNullOrWhiteSpace(r.NameZh) ? r.NameEn : r.NameZh) : (string.IsNullOrWhiteSpace(r.NameEn) ? r.NameZh : r.NameEn),
                CategoriesOf(r, categories).OrderBy(c => c.SortOrder).Select(c => context.Chinese ? c.NameZh : c.NameEn).ToList(),
                r.Tier,
                r.Status,
                compliance,
                [r.ProgressDistribution, r.ProgressTraffic, r.ProgressSelfStreaming, r.ProgressPrivateDomain, r.ProgressExclusive],
                r.Gmv30,
                r.GmvPrev30,
                r.TrendPercent,
                r.AccountManagerUserId,
                r.AccountManagerName,
                stalled,
                r.LastActivityAt,
                r.DocumentsAwaitingReview,
                r.NextExpiryOn);
        }).ToList();
    }
}
