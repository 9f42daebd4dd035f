namespace Portal.Core.Features.Tiers;

/// <summary>Where a brand stands on the growth path (DOMAIN.md): new store → ramp-up → KA → SKA.</summary>
public enum GrowthTier
{
    /// <summary>No paid order yet (新店).</summary>
    NewStore,

    /// <summary>First paid order made; climbing (店铺爬坡).</summary>
    RampUp,

    /// <summary>Monthly GMV at or above <see cref="TierOptions.KaMonthlyGmv"/>.</summary>
    Ka,

    /// <summary>Monthly GMV at or above <see cref="TierOptions.SkaMonthlyGmv"/>.</summary>
    Ska,
}

public enum TierChangeSource
{
    /// <summary>Evaluated from the brand's metrics.</summary>
    Metrics,

    /// <summary>Set by SKA staff, with a reason.</summary>
    Override,
}

/// <summary>One move on the growth path, with the sentence that explains it ("SKA since 2026-08: GMV ¥12.3M in 2026-07").</summary>
public sealed class TierChange : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public GrowthTier From { get; set; }

    public GrowthTier To { get; set; }

    /// <summary>The first day the new tier applies.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public required string Explanation { get; set; }

    public TierChangeSource Source { get; set; }

    public Guid? ChangedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
