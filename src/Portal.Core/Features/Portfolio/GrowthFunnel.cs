using Portal.Core.Features.Applications;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Portfolio;

/// <summary>The staff home's growth figures: how many brands reached each stage, the tier distribution and the median days per stage.</summary>
public sealed record GrowthFigures(
    IReadOnlyList<(FunnelStage Stage, int Brands)> Funnel,
    IReadOnlyList<(GrowthTier Tier, int Brands)> Tiers,
    IReadOnlyList<StageDuration> Durations);

/// <summary>
/// Computes <see cref="GrowthFigures"/> from every brand, its first submission and approval, and the first
/// promotion into each tier. Pure: <see cref="OperationsOverview"/> reads the rows and decides when to compute again.
/// </summary>
public static class GrowthFunnel
{
    /// <summary>A brand as the funnel reads it.</summary>
    public sealed record BrandStage(Guid Id, DateTimeOffset CreatedAt, ApplicationStatus Status, GrowthTier Tier);

    /// <param name="brands">Every brand.</param>
    /// <param name="firstEvents">When each brand was first submitted and first approved.</param>
    /// <param name="firstPromotions">When each brand was first promoted into a tier (a move to a higher tier).</param>
    public static GrowthFigures Compute(
        IReadOnlyCollection<BrandStage> brands,
        IReadOnlyDictionary<(Guid Brand, ApplicationAction Action), DateTimeOffset> firstEvents,
        IReadOnlyDictionary<(Guid Brand, GrowthTier To), DateOnly> firstPromotions)
    {
        // When each brand first reached each stage (platform days); a later stage implies the earlier ones.
        var reached = Enum.GetValues<FunnelStage>().ToDictionary(s => s, _ => 0);
        var durations = Enum.GetValues<FunnelStage>().Skip(1).ToDictionary(s => s, _ => new List<double>());
        foreach (var brand in brands)
        {
            var stages = Stages(brand, firstEvents, firstPromotions);
            for (var i = 0; i < stages.Length; i++)
            {
                // Reaching a later stage counts for every earlier one.
                if (stages.Skip(i).Any(x => x.Reached))
                {
                    reached[stages[i].Stage]++;
                }

                if (i > 0 && stages[i].Stage != FunnelStage.RampUp && stages[i].On is { } to)
                {
                    var previous = stages.Take(i).Where(x => x.Stage != FunnelStage.RampUp).Last();
                    if (previous.On is { } from && to >= from)
                    {
                        durations[stages[i].Stage].Add(to.DayNumber - from.DayNumber);
                    }
                }
            }
        }

        var order = Enum.GetValues<FunnelStage>().Where(s => s != FunnelStage.RampUp).ToList();
        var stageDurations = order.Skip(1).Select((stage, i) =>
        {
            var values = durations[stage];
            return new StageDuration(order[i], stage, Median(values), values.Count);
        }).ToList();
        var tiers = Enum.GetValues<GrowthTier>().Select(t => (t, brands.Count(b => b.Tier == t))).ToList();
        return new GrowthFigures(Enum.GetValues<FunnelStage>().Select(s => (s, reached[s])).ToList(), tiers, stageDurations);
    }

    private static (FunnelStage Stage, bool Reached, DateOnly? On)[] Stages(
        BrandStage brand,
        IReadOnlyDictionary<(Guid Brand, ApplicationAction Action), DateTimeOffset> firstEvents,
        IReadOnlyDictionary<(Guid Brand, GrowthTier To), DateOnly> firstPromotions)
    {
        DateOnly? Tier(GrowthTier tier) => firstPromotions.TryGetValue((brand.Id, tier), out var on) ? on : null;
        var submitted = firstEvents.TryGetValue((brand.Id, ApplicationAction.Submit), out var s) ? PlatformTime.DayOf(s) : (DateOnly?)null;
        var approved = firstEvents.TryGetValue((brand.Id, ApplicationAction.Approve), out var a) ? PlatformTime.DayOf(a) : (DateOnly?)null;
        return
        [
            (FunnelStage.Registered, true, PlatformTime.DayOf(brand.CreatedAt)),
            (FunnelStage.Submitted, submitted is not null || brand.Status != ApplicationStatus.Draft, submitted),
            (FunnelStage.Approved, approved is not null || brand.Status is ApplicationStatus.Approved or ApplicationStatus.Suspended, approved),
            // The first sale is the move to ramp-up; the stage after it is ramping up until KA.
            (FunnelStage.FirstSale, brand.Tier >= GrowthTier.RampUp || Tier(GrowthTier.RampUp) is not null, Tier(GrowthTier.RampUp)),
            (FunnelStage.RampUp, brand.Tier >= GrowthTier.RampUp || Tier(GrowthTier.RampUp) is not null, Tier(GrowthTier.RampUp)),
            (FunnelStage.Ka, brand.Tier >= GrowthTier.Ka || Tier(GrowthTier.Ka) is not null, Tier(GrowthTier.Ka)),
            (FunnelStage.Ska, brand.Tier == GrowthTier.Ska || Tier(GrowthTier.Ska) is not null, Tier(GrowthTier.Ska)),
        ];
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
