using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Providers;

/// <summary>
/// One brand on a provider's home. The figures come from the staff portfolio's maintained row
/// (<see cref="Portfolio.BrandPortfolioRow"/>); they are null while the brand has no row yet (a brand the refresher
/// has not reached). <see cref="FiguresAsOf"/> says how fresh they are: the queue rebuilds a brand's row shortly after
/// its figures, tasks or documents change, and every row is rebuilt when the platform day turns.
/// </summary>
/// <param name="Gmv30">Null as well where the brand does not share its figures (<see cref="ShowsFigures"/>).</param>
/// <param name="Progress">Percent done per STEPS area (E, T, S, P, S), as the portfolio shows it; null as well where the brand does not share its STEPS tasks.</param>
/// <param name="Stalled">Null as well where the brand shares neither (the growth path's rule).</param>
/// <param name="Areas">Everything the brand's running delegations hand the provider today.</param>
public sealed record ProviderWorkspaceBrand(
    Guid BrandId,
    string Code,
    string Name,
    GrowthTier Tier,
    decimal? Gmv30,
    IReadOnlyList<int>? Progress,
    bool? Stalled,
    DelegatedArea Areas,
    DateOnly ServedSince,
    DateOnly? ServedUntil,
    DateTimeOffset? FiguresAsOf)
{
    /// <summary>The brand hands over its figures (the dashboard): the 30-day GMV may show.</summary>
    public bool ShowsFigures => Shares(Areas, DelegatedArea.MetricsImport);

    /// <summary>The brand hands over its STEPS tasks (the journey): the progress may show.</summary>
    public bool ShowsSteps => Shares(Areas, DelegatedArea.StepsTasks);

    /// <summary>Either, as for the growth path: whether the brand stalls may show.</summary>
    public bool ShowsStalled => ShowsFigures || ShowsSteps;

    private static bool Shares(DelegatedArea areas, DelegatedArea area) => (areas & area) == area;
}

/// <summary>A provider person's home: their provider and the brands it serves today.</summary>
/// <param name="SuspendedBecause">Staff's reason while the provider is suspended.</param>
public sealed record ProviderWorkspaceView(
    Guid ProviderId, string ProviderCode, string ProviderName, ProviderStatus Status, IReadOnlyList<ProviderWorkspaceBrand> Brands, string? SuspendedBecause = null);

/// <summary>
/// The signed-in provider person's workspace: the brands with a delegation running today, with the figures the staff
/// portfolio already maintains. Only delegations that run today count (not ended, not revoked, not yet started), and
/// only for an active provider, exactly as <see cref="Delegations.ActingAsync"/> grants access.
/// </summary>
public sealed class ProviderWorkspace(
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<MetricsOptions> metricsOptions,
    IStringLocalizer<ProviderWorkStrings> strings,
    TimeProvider clock)
{
    /// <summary>The user's workspace; refused for a person outside every provider.</summary>
    public async Task<Outcome<ProviderWorkspaceView>> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (BrandDirectory.UserId(user) is not { } userId || await Delegations.MembershipAsync(db, userId, cancellationToken) is not { } membership)
        {
            return Outcome<ProviderWorkspaceView>.Fail(strings["ProviderWorkspace_NotInProvider"]);
        }

        var provider = membership.Provider;
        var brands = provider.Status == ProviderStatus.Active ? await BrandsAsync(db, provider.Id, cancellationToken) : [];
        return Outcome<ProviderWorkspaceView>.Success(
            new ProviderWorkspaceView(provider.Id, provider.Code, provider.DisplayName(CultureInfo.CurrentUICulture), provider.Status, brands,
                provider.Status == ProviderStatus.Suspended ? provider.DecisionReason : null));
    }

    private async Task<IReadOnlyList<ProviderWorkspaceBrand>> BrandsAsync(PortalDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = PlatformTime.DayOf(now);
        var running = (await db.BrandDelegations.AsNoTracking()
                .Where(d => d.ProviderId == providerId && d.RevokedAt == null && d.StartsOn <= today && (d.EndsOn == null || d.EndsOn >= today))
                .ToListAsync(cancellationToken))
            .GroupBy(d => d.BrandId)
            .ToDictionary(g => g.Key, g => g.ToList());
        var ids = running.Keys.ToList();
        var rows = await db.BrandPortfolioRows.AsNoTracking().Where(r => ids.Contains(r.BrandId)).ToDictionaryAsync(r => r.BrandId, cancellationToken);
        var brands = await db.Brands.AsNoTracking().Where(b => ids.Contains(b.Id))
            .Select(b => new { b.Id, b.Code, b.NameZh, b.NameEn, b.Tier })
            .ToListAsync(cancellationToken);
        var days = metricsOptions.Value.StalledAfterDays;
        var culture = CultureInfo.CurrentUICulture;

        return brands.Select(b =>
            {
                var delegations = running[b.Id];
                var row = rows.GetValueOrDefault(b.Id);
                var served = new ProviderWorkspaceBrand(
                    b.Id,
                    b.Code,
                    ProviderNames.Display(culture, b.NameZh, b.NameEn),
                    b.Tier,
                    null,
                    null,
                    null,
                    delegations.Aggregate(DelegatedArea.None, (all, d) => all | d.Areas),
                    delegations.Min(d => d.StartsOn),
                    delegations.Any(d => d.EndsOn is null) ? null : delegations.Max(d => d.EndsOn),
                    row?.RefreshedAt);
                // Only what the brand hands over leaves this service: a brand that keeps its dashboard keeps its GMV.
                return row is null ? served : served with
                {
                    Gmv30 = served.ShowsFigures ? row.Gmv30 : null,
                    Progress = served.ShowsSteps ? [row.ProgressDistribution, row.ProgressTraffic, row.ProgressSelfStreaming, row.ProgressPrivateDomain, row.ProgressExclusive] : null,
                    Stalled = served.ShowsStalled ? row.IsStalled(today.AddDays(-days), now.AddDays(-days)) : null,
                };
            })
            .OrderBy(b => b.Name, StringComparer.Create(culture, CompareOptions.None))
            .ThenBy(b => b.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The code of the provider the user works for; null for people outside every provider.</summary>
    public async Task<string?> MyProviderCodeAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return BrandDirectory.UserId(user) is { } userId && await Delegations.MembershipAsync(db, userId, cancellationToken) is { } membership
            ? membership.Provider.Code
            : null;
    }
}
