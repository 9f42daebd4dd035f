using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Streams;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Providers;

/// <summary>
/// Builds a provider's <see cref="ProviderScorecardView"/> for its own people and for staff (everyone else is refused,
/// on every call). Plain LINQ that both engines translate: each query narrows by provider, members or served brands
/// and a date window in SQL; the delegation periods (a handful per brand, possibly overlapping) are applied in memory
/// by <see cref="ServedPeriods"/>, so a day inside two periods counts once.
/// </summary>
public sealed class ProviderScorecardService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptionsMonitor<ProviderLevelOptions> levels,
    IStringLocalizer<ProviderWorkStrings> strings,
    TimeProvider clock)
{
    /// <summary>How many platform months the GMV chart shows, the current one included.</summary>
    public const int MonthsShown = 12;

    /// <summary>The year the level is measured on: this many days up to today.</summary>
    public const int LevelDays = 365;

    private static readonly DocumentAction[] StaffDecisions = [DocumentAction.Approve, DocumentAction.RequestChanges, DocumentAction.Reject];

    /// <summary>The scorecard of the provider with <paramref name="code"/>; refused unless the user is staff or one of its people.</summary>
    public async Task<Outcome<ProviderScorecardView>> GetAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = (code ?? "").Trim().ToLowerInvariant();
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Code == normalized, cancellationToken);
        var userId = BrandDirectory.UserId(user);
        var allowed = BrandDirectory.IsStaff(user)
            || (provider is not null && userId is { } id && await db.ProviderMembers.AnyAsync(m => m.ProviderId == provider.Id && m.UserId == id, cancellationToken));
        if (!allowed)
        {
            // The same answer whether or not the code exists: outsiders learn nothing about providers.
            return Outcome<ProviderScorecardView>.Fail(strings["ProviderScorecard_Refused"]);
        }

        if (provider is null)
        {
            return Outcome<ProviderScorecardView>.Missing(strings["ProviderScorecard_NotFound", normalized]);
        }

        return Outcome<ProviderScorecardView>.Success(await BuildAsync(db, provider, cancellationToken));
    }

    private async Task<ProviderScorecardView> BuildAsync(PortalDbContext db, Provider provider, CancellationToken cancellationToken)
    {
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var delegations = await db.BrandDelegations.AsNoTracking().Where(d => d.ProviderId == provider.Id).ToListAsync(cancellationToken);
        var periods = ServedPeriods.Of(delegations, today);
        var brandIds = periods.Brands.ToList();

        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(MonthsShown - 1));
        var yearFrom = today.AddDays(-(LevelDays - 1));
        var (months, yearGmv) = await GmvAsync(db, brandIds, periods, firstMonth, yearFrom, today, cancellationToken);
        var (planned, held) = await StreamsAsync(db, provider.Id, periods, cancellationToken);
        var (decided, median) = await TurnaroundAsync(db, provider.Id, periods, cancellationToken);
        var options = levels.CurrentValue;

        return new ProviderScorecardView(
            provider.Id,
            provider.Code,
            provider.DisplayName(CultureInfo.CurrentUICulture),
            today,
            delegations.Where(d => d.IsActiveOn(today)).Select(d => d.BrandId).Distinct().Count(),
            brandIds.Count,
            months,
            await TierMovesUpAsync(db, brandIds, periods, cancellationToken),
            await TasksCompletedAsync(db, provider.Id, periods, cancellationToken),
            planned,
            held,
            decided,
            median,
            yearGmv,
            options.LevelOf(yearGmv),
            ProviderLevels.Explain(strings, options, yearGmv, yearFrom, today));
    }

    private static async Task<(IReadOnlyList<ProviderMonthGmv> Months, decimal Year)> GmvAsync(
        PortalDbContext db, List<Guid> brandIds, ServedPeriods periods, DateOnly firstMonth, DateOnly yearFrom, DateOnly today, CancellationToken cancellationToken)
    {
        var from = firstMonth < yearFrom ? firstMonth : yearFrom;
        var days = await db.DailyMetrics.AsNoTracking()
            .Where(m => brandIds.Contains(m.BrandId) && m.Date >= from && m.Date <= today && m.Gmv != null)
            .Select(m => new { m.BrandId, m.Date, m.Gmv })
            .ToListAsync(cancellationToken);
        var served = days.Where(d => periods.Covers(d.BrandId, d.Date)).ToList();
        var months = Enumerable.Range(0, MonthsShown)
            .Select(i => firstMonth.AddMonths(i))
            .Select(month => new ProviderMonthGmv(month, served.Where(d => d.Date.Year == month.Year && d.Date.Month == month.Month).Sum(d => d.Gmv!.Value)))
            .ToList();
        return (months, served.Where(d => d.Date >= yearFrom).Sum(d => d.Gmv!.Value));
    }

    private static async Task<int> TierMovesUpAsync(PortalDbContext db, List<Guid> brandIds, ServedPeriods periods, CancellationToken cancellationToken)
    {
        var changes = await db.Set<TierChange>().AsNoTracking()
            .Where(c => brandIds.Contains(c.BrandId))
            .Select(c => new { c.BrandId, c.From, c.To, c.EffectiveFrom })
            .ToListAsync(cancellationToken);
        // The enum is stored as text, so "upward" is decided here, on the path's order.
        return changes.Count(c => c.To > c.From && periods.Covers(c.BrandId, c.EffectiveFrom));
    }

    // Work counts for the provider it was done on behalf of, as stored on the row at the time (ADR 0032), not by
    // who its people are today; and only inside the brand's delegation periods.
    private static async Task<int> TasksCompletedAsync(PortalDbContext db, Guid providerId, ServedPeriods periods, CancellationToken cancellationToken)
    {
        var done = await db.BrandTasks.AsNoTracking()
            .Where(t => t.Status == BrandTaskStatus.Done && t.CompletedAt != null && t.CompletedByProviderId == providerId)
            .Select(t => new { t.BrandId, t.CompletedAt })
            .ToListAsync(cancellationToken);
        return done.Count(t => periods.Covers(t.BrandId, PlatformTime.DayOf(t.CompletedAt!.Value)));
    }

    private static async Task<(int Planned, int Held)> StreamsAsync(PortalDbContext db, Guid providerId, ServedPeriods periods, CancellationToken cancellationToken)
    {
        var plans = (await db.StreamPlans.AsNoTracking()
                .Where(p => p.CreatedByProviderId == providerId)
                .Select(p => new { p.BrandId, p.CreatedAt, p.Status })
                .ToListAsync(cancellationToken))
            .Where(p => periods.Covers(p.BrandId, PlatformTime.DayOf(p.CreatedAt)))
            .ToList();
        // Done is the one state a stream reaches only after it happened (results entered, StreamWorkflow.MarkDone).
        return (plans.Count, plans.Count(p => p.Status == StreamStatus.Done));
    }

    private static async Task<(int Decided, double? MedianHours)> TurnaroundAsync(PortalDbContext db, Guid providerId, ServedPeriods periods, CancellationToken cancellationToken)
    {
        var uploads = (await db.Documents.AsNoTracking()
                .Where(d => d.UploadedByProviderId == providerId)
                .Select(d => new { d.Id, d.BrandId, d.CreatedAt })
                .ToListAsync(cancellationToken))
            .Where(d => periods.Covers(d.BrandId, PlatformTime.DayOf(d.CreatedAt)))
            .ToList();
        var ids = uploads.Select(u => u.Id).ToList();
        var decisions = (await db.DocumentDecisions.AsNoTracking()
                .Where(d => ids.Contains(d.DocumentId))
                .Select(d => new { d.DocumentId, d.Action, d.CreatedAt })
                .ToListAsync(cancellationToken))
            .Where(d => StaffDecisions.Contains(d.Action))
            .GroupBy(d => d.DocumentId)
            .ToDictionary(g => g.Key, g => g.Min(d => d.CreatedAt));
        var hours = uploads
            .Where(u => decisions.ContainsKey(u.Id))
            .Select(u => (decisions[u.Id] - u.CreatedAt).TotalHours)
            .Order()
            .ToList();
        return (hours.Count, Median(hours));
    }

    private static double? Median(List<double> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}
