using Portal.Core.Options;

namespace Portal.Core.Features.Tiers;

/// <summary>
/// Settings under <c>Tiers</c>: the growth path's thresholds (see DOMAIN.md). A brand is a new
/// store until its first paid order, then ramping up until monthly GMV reaches
/// <see cref="KaMonthlyGmv"/>, then KA, and SKA from <see cref="SkaMonthlyGmv"/>.
/// </summary>
public sealed class TierOptions
{
    public const string Section = "Tiers";

    /// <summary>Monthly GMV in yuan from which a brand is KA.</summary>
    public decimal KaMonthlyGmv { get; set; } = 1_000_000m;

    /// <summary>Monthly GMV in yuan from which a brand is SKA.</summary>
    public decimal SkaMonthlyGmv { get; set; } = 10_000_000m;

    /// <summary>The most <see cref="DemotionMonths"/> may be, in the file and on the admin settings page alike.</summary>
    public const int MaxDemotionMonths = 12;

    /// <summary>Consecutive months below a threshold before a brand is moved down (1 to <see cref="MaxDemotionMonths"/>).</summary>
    public int DemotionMonths { get; set; } = 2;
}

internal sealed class TierOptionsValidator : SettingsValidator<TierOptions>
{
    protected override void Check(TierOptions options, Action<string, string> fail)
    {
        if (options.KaMonthlyGmv <= 0)
        {
            fail("Tiers:KaMonthlyGmv", "must be a positive amount in yuan.");
        }

        if (options.SkaMonthlyGmv <= options.KaMonthlyGmv)
        {
            fail("Tiers:SkaMonthlyGmv", "must be greater than Tiers:KaMonthlyGmv.");
        }

        if (options.DemotionMonths is < 1 or > TierOptions.MaxDemotionMonths)
        {
            // The admin settings page allows the same range: a file value outside it would make every save there fail.
            fail("Tiers:DemotionMonths", $"must be from 1 to {TierOptions.MaxDemotionMonths}.");
        }
    }
}
