using System.Collections.Concurrent;
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

/// <summary>
/// Answers the staff portfolio: a page (and the total) of brands for a <see cref="PortfolioSpec"/>,
/// filtered, sorted and paged in SQL over the maintained <see cref="BrandPortfolioRow"/>s alone (they carry the
/// brand's own columns, copied by the refresher), each sort walking its index. Staff only, checked on every call.
/// Totals are cached per filter, keyed on <see cref="PortfolioVersion"/> (raised in every transaction that rewrites
/// rows or changes a category) and on the second the filter is evaluated at (the stalled rule depends on the time),
/// so a cached total is never older than the data: paging, sorting and repeated requests skip the count.
/// This class holds the access check, the counting and the paging; the spec as SQL is <see cref="PortfolioFilter"/>,
/// the rows as a reader sees them <see cref="PortfolioRowViews"/>, the category names <see cref="PortfolioCategoryNames"/>.
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

    private readonly PortfolioCategoryNames _categories = new();

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
        var page = await PortfolioFilter.Sort(filtered, spec).Skip(Math.Max(0, spec.Page) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Outcome<PortfolioPage>.Success(new PortfolioPage(PortfolioRowViews.From(page, await _categories.ReadAsync(db, version, cancellationToken), context), total));
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

    private async Task<(int Count, long Version)> CountCachedAsync(PortalDbContext db, ClaimsPrincipal user, PortfolioSpec spec, IQueryable<BrandPortfolioRow> filtered, PortfolioQueryContext context, CancellationToken cancellationToken)
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
                var rows = await PortfolioFilter.Sort(filtered, spec).Skip(skip).Take(batch).ToListAsync(cancellationToken);
                views = PortfolioRowViews.From(rows, await _categories.ReadAsync(db, null, cancellationToken), context);
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

    // The request's instant, then the spec as SQL; the context goes on to the count key and the rows' shaping.
    private IQueryable<BrandPortfolioRow> Filter(PortalDbContext db, ClaimsPrincipal user, PortfolioSpec spec, out PortfolioQueryContext context)
    {
        context = PortfolioQueryContext.Of(clock.GetUtcNow(), metricsOptions.Value.StalledAfterDays);
        return PortfolioFilter.Apply(db, user, spec, context);
    }
}
