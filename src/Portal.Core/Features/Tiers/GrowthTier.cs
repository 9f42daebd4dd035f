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

/// <summary>
/// One move on the growth path. A move the metrics made keeps its facts (<see cref="Reason"/>, <see cref="ProofMonth"/>,
/// <see cref="Gmv"/>, <see cref="Threshold"/>, <see cref="Months"/>) so its sentence is built in the reader's language
/// when shown (<see cref="Metrics.TierExplanations"/>); <see cref="Explanation"/> is a staff override's own words, or the
/// sentence of a row recorded before the facts were kept.
/// </summary>
public sealed class TierChange : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BrandId { get; set; }

    public GrowthTier From { get; set; }

    public GrowthTier To { get; set; }

    /// <summary>The first day the new tier applies.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public required string Explanation { get; set; }

    /// <summary>Why the metrics moved the brand; null for overrides and for rows recorded before the facts were kept.</summary>
    public Metrics.TierChangeReason? Reason { get; set; }

    /// <summary>The month whose GMV proved the move (promotion, demotion).</summary>
    public DateOnly? ProofMonth { get; set; }

    /// <summary>That month's GMV in yuan.</summary>
    public decimal? Gmv { get; set; }

    /// <summary>The monthly GMV threshold the brand fell below (demotion), in yuan.</summary>
    public decimal? Threshold { get; set; }

    /// <summary>How many months below the threshold it took (demotion).</summary>
    public int? Months { get; set; }

    public TierChangeSource Source { get; set; }

    public Guid? ChangedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
