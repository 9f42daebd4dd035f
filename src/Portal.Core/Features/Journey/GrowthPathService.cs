using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Journey;

public enum TierStepState
{
    Reached,
    Current,
    Ahead,
}

/// <summary>One tier on the growth path and what it takes: null GMV for the new store, and for ramp-up (its first paid order).</summary>
public sealed record TierStep(GrowthTier Tier, decimal? MonthlyGmv, TierStepState State);

/// <summary>A recorded move on the growth path, with its explanation sentence in the reader's language.</summary>
public sealed record TierHistoryEntry(GrowthTier From, GrowthTier To, DateOnly EffectiveFrom, string Explanation, TierChangeSource Source, DateTimeOffset RecordedAt);

/// <summary>A brand's place on the growth path (new store → ramp-up → KA → SKA) and how it got there, newest first.</summary>
public sealed record GrowthPath(GrowthTier Current, IReadOnlyList<TierStep> Steps, IReadOnlyList<TierHistoryEntry> History)
{
    /// <summary>The tier after the current one and what it needs; null at SKA.</summary>
    public TierStep? Next => Steps.FirstOrDefault(s => s.State == TierStepState.Ahead);
}

/// <summary>The growth path of a brand: reads it with the configured thresholds, and records tier changes with their explanation.</summary>
public sealed class GrowthPathService(IDbContextFactory<PortalDbContext> dbFactory, BrandDirectory brands, IOptionsMonitor<TierOptions> options, IStringLocalizer<MetricsStrings> strings)
{
    /// <summary>The brand's growth path if <paramref name="user"/> may see the brand; otherwise null.</summary>
    public async Task<GrowthPath?> GetAsync(ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken = default)
    {
        var brand = await brands.FindAccessibleAsync(user, brandCode, cancellationToken);
        // The dashboard and the journey show it: a provider's people see it with either area.
        var seen = brand is not null && (brand.Sees(Providers.DelegatedArea.StepsTasks) || brand.Sees(Providers.DelegatedArea.MetricsImport));
        return seen ? await GetAsync(brand!.Id, cancellationToken) : null;
    }

    /// <summary>The brand's growth path, its history explained in the current UI culture. No access check: for callers that made one.</summary>
    public async Task<GrowthPath> GetAsync(Guid brandId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.Brands.Where(b => b.Id == brandId).Select(b => b.Tier).SingleAsync(cancellationToken);
        var changes = await db.Set<TierChange>().AsNoTracking()
            .Where(c => c.BrandId == brandId)
            .OrderByDescending(c => c.EffectiveFrom).ThenByDescending(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var history = changes
            .Select(c => new TierHistoryEntry(c.From, c.To, c.EffectiveFrom, Explain(c), c.Source, c.CreatedAt))
            .ToList();
        return new GrowthPath(current, Steps(current), history);
    }

    /// <summary>A stored change's sentence in the current UI culture, built from its facts when it has them.</summary>
    public string Explain(TierChange change) =>
        TierExplanations.Render(strings, change.To, change.EffectiveFrom, TierChangeFacts.Of(change), change.Explanation);

    /// <summary>
    /// Moves the brand to <paramref name="to"/> and records the change with its explanation
    /// ("SKA since 2026-08: GMV ¥12.3M in 2026-07"). For the metrics evaluation and staff
    /// overrides. Returns null, writing nothing, when the brand is already at that tier.
    /// </summary>
    public async Task<TierChange?> RecordTierChangeAsync(
        Guid brandId,
        GrowthTier to,
        DateOnly effectiveFrom,
        string explanation,
        TierChangeSource source,
        Guid? changedByUserId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken)
                ?? throw new InvalidOperationException($"Brand {brandId} does not exist.");
            if (brand.Tier == to)
            {
                return null;
            }

            var change = new TierChange
            {
                BrandId = brandId,
                From = brand.Tier,
                To = to,
                EffectiveFrom = effectiveFrom,
                Explanation = explanation.Trim(),
                Source = source,
                ChangedByUserId = changedByUserId,
            };
            brand.Tier = to;
            brand.Version++;
            db.Set<TierChange>().Add(change);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return change;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The brand changed since it was read (another override to the same tier, a workflow step): read it
                // again, so a move already made is not recorded, and notified, twice.
                db.ChangeTracker.Clear();
            }
        }
    }

    private IReadOnlyList<TierStep> Steps(GrowthTier current)
    {
        var thresholds = options.CurrentValue;
        return Enum.GetValues<GrowthTier>()
            .Select(tier => new TierStep(
                tier,
                tier switch
                {
                    GrowthTier.Ka => thresholds.KaMonthlyGmv,
                    GrowthTier.Ska => thresholds.SkaMonthlyGmv,
                    _ => null,
                },
                tier < current ? TierStepState.Reached : tier == current ? TierStepState.Current : TierStepState.Ahead))
            .ToList();
    }
}
