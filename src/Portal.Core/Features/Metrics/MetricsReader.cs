using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;

namespace Portal.Core.Features.Metrics;

/// <summary>A brand flagged for staff: neither figures nor a new milestone for <see cref="MetricsOptions.StalledAfterDays"/> days.</summary>
public sealed record StalledBrand(Guid BrandId, string Code, string NameZh, string NameEn, DateOnly? LastFiguresOn, DateOnly? LastMilestoneOn);

/// <summary>The first stalled brands by code, and how many are stalled in all.</summary>
public sealed record StalledBrandsPage(IReadOnlyList<StalledBrand> Brands, int Total);

/// <summary>A milestone a brand reached, for timelines: the facts that prove it (the figure of <see cref="Metric"/> in <see cref="Period"/>).</summary>
public sealed record AchievedMilestone(string Code, string TitleZh, string TitleEn, DateOnly AchievedOn, decimal Value, string Period, IReadOnlyList<string> TaskCodes, MetricKind Metric);

/// <summary>One calendar month of a brand (China Standard Time): GMV and its sources.</summary>
public sealed record MonthFigures(DateOnly Month, decimal Gmv, decimal SelfStreamGmv, decimal DistributionGmv, decimal AdGmv);

/// <summary>What a brand's dashboard shows.</summary>
public sealed record MetricsDashboard(IReadOnlyList<DailyMetric> Days, IReadOnlyList<MonthFigures> Months, IReadOnlyList<AchievedMilestone> Milestones);

/// <summary>
/// Reads stored figures and milestones. Methods taking a brand id without a user check nothing (for jobs, the API and
/// callers that checked); pages use the overloads taking the <see cref="ClaimsPrincipal"/>.
/// </summary>
public sealed class MetricsReader(IDbContextFactory<PortalDbContext> dbFactory, IOptions<MetricsOptions> options, TimeProvider clock)
{
    /// <summary>The brand's id for its code, or null.</summary>
    public async Task<Guid?> FindBrandIdAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = code.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Brands.Where(b => b.Code == normalized).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The brand's daily figures from <paramref name="from"/> to <paramref name="to"/> (both included), oldest first.</summary>
    public async Task<IReadOnlyList<DailyMetric>> GetDailyAsync(Guid brandId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DailyMetrics.AsNoTracking()
            .Where(m => m.BrandId == brandId && m.Date >= from && m.Date <= to)
            .OrderBy(m => m.Date)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The brand's dashboard if <paramref name="user"/> may read it: a member, staff, or a provider's person while a
    /// delegation with <see cref="DelegatedArea.MetricsImport"/> runs. Null otherwise, whether the brand exists or not.
    /// </summary>
    public async Task<MetricsDashboard?> GetDashboardAsync(ClaimsPrincipal user, Guid brandId, int days = 180, CancellationToken cancellationToken = default)
    {
        if (!await MayReadAsync(user, brandId, cancellationToken))
        {
            return null;
        }

        return await GetDashboardAsync(brandId, days, cancellationToken);
    }

    /// <summary>Whether <paramref name="user"/> may read the brand's figures (see <see cref="GetDashboardAsync(ClaimsPrincipal, Guid, int, CancellationToken)"/>).</summary>
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, Guid brandId, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.IsStaff(user))
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Members pass too: MayWorkAsync asks membership first.
        return await BrandDirectory.MayWorkAsync(db, user, brandId, DelegatedArea.MetricsImport, clock, cancellationToken);
    }

    /// <summary>The brand's last <paramref name="days"/> days (up to today in China), their months, and its milestones.</summary>
    public async Task<MetricsDashboard> GetDashboardAsync(Guid brandId, int days = 180, CancellationToken cancellationToken = default)
    {
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var from = new DateOnly(today.AddDays(-days + 1).Year, today.AddDays(-days + 1).Month, 1);
        var rows = await GetDailyAsync(brandId, from, today, cancellationToken);
        var months = rows
            .GroupBy(r => new DateOnly(r.Date.Year, r.Date.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => new MonthFigures(g.Key, g.Sum(r => r.Gmv ?? 0), g.Sum(r => r.SelfStreamGmv ?? 0), g.Sum(r => r.DistributionGmv ?? 0), g.Sum(r => r.AdGmv ?? 0)))
            .ToList();
        return new MetricsDashboard(rows, months, await GetMilestonesAsync(brandId, cancellationToken));
    }

    /// <summary>The brand's milestones, oldest first.</summary>
    public async Task<IReadOnlyList<AchievedMilestone>> GetMilestonesAsync(Guid brandId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.MilestoneAchievements.AsNoTracking()
            .Where(a => a.BrandId == brandId)
            .Join(db.MilestoneDefinitions, a => a.MilestoneDefinitionId, d => d.Id, (a, d) => new { a, d })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(x => x.a.AchievedOn).ThenBy(x => x.d.SortOrder)
            .Select(x => new AchievedMilestone(x.d.Code, x.d.TitleZh, x.d.TitleEn, x.a.AchievedOn, x.a.Value, x.a.Period, x.d.TaskCodes, x.d.Metric))
            .ToList();
    }

    /// <summary>Brands with neither figures nor a new milestone in the last <see cref="MetricsOptions.StalledAfterDays"/> days, for staff.</summary>
    public async Task<IReadOnlyList<StalledBrand>> GetStalledBrandsAsync(CancellationToken cancellationToken = default)
    {
        var (sinceDay, sinceInstant) = StalledCutoff();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastFigures = await db.DailyMetrics.GroupBy(m => m.BrandId)
            .Select(g => new { BrandId = g.Key, Last = g.Max(m => m.Date) })
            .ToDictionaryAsync(x => x.BrandId, x => x.Last, cancellationToken);
        var lastMilestones = await db.MilestoneAchievements.GroupBy(a => a.BrandId)
            .Select(g => new { BrandId = g.Key, Last = g.Max(a => a.CreatedAt) })
            .ToDictionaryAsync(x => x.BrandId, x => x.Last, cancellationToken);
        var brands = await db.Brands.AsNoTracking()
            .Where(b => b.CreatedAt < sinceInstant)
            .Select(b => new { b.Id, b.Code, b.NameZh, b.NameEn })
            .ToListAsync(cancellationToken);
        return brands
            .Where(b => !(lastFigures.TryGetValue(b.Id, out var day) && day > sinceDay)
                && !(lastMilestones.TryGetValue(b.Id, out var at) && at > sinceInstant))
            .Select(b => new StalledBrand(
                b.Id, b.Code, b.NameZh, b.NameEn,
                lastFigures.TryGetValue(b.Id, out var day) ? day : null,
                lastMilestones.TryGetValue(b.Id, out var at) ? PlatformTime.DayOf(at) : null))
            .OrderBy(b => b.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The first <paramref name="take"/> stalled brands by code and how many there are, by the rule of
    /// <see cref="GetStalledBrandsAsync"/> over the portfolio's maintained rows (what its stalled view lists), so a
    /// page never aggregates every brand's figures: the staff home asks on every request.
    /// </summary>
    public async Task<StalledBrandsPage> GetStalledPageAsync(int take, CancellationToken cancellationToken = default)
    {
        var (sinceDay, sinceInstant) = StalledCutoff();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stalled = db.BrandPortfolioRows.AsNoTracking().Where(Portfolio.BrandPortfolioRow.Stalled(sinceDay, sinceInstant));
        var total = await stalled.CountAsync(cancellationToken);
        // Codes in ordinal order on both engines (PostgreSQL's locale order would skip hyphens), so the page is the full list's start.
        var ordered = Data.StoredValues.For(db.Database).IsPostgres ? stalled.OrderBy(x => EF.Functions.Collate(x.Code, "C")) : stalled.OrderBy(x => x.Code);
        var rows = await ordered.Take(take)
            .Select(x => new { x.BrandId, x.Code, x.NameZh, x.NameEn, x.LastFiguresOn, x.LastMilestoneAt })
            .ToListAsync(cancellationToken);
        var brands = rows
            .Select(x => new StalledBrand(x.BrandId, x.Code, x.NameZh, x.NameEn, x.LastFiguresOn, x.LastMilestoneAt is { } at ? PlatformTime.DayOf(at) : null))
            .ToList();
        return new StalledBrandsPage(brands, total);
    }

    // The stalled rule's cut-off now: the platform day and the instant Metrics:StalledAfterDays ago.
    private (DateOnly Day, DateTimeOffset Instant) StalledCutoff()
    {
        var now = clock.GetUtcNow();
        var days = options.Value.StalledAfterDays;
        return (PlatformTime.DayOf(now).AddDays(-days), now.AddDays(-days));
    }
}
