using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Metrics;

/// <summary>One month's GMV of a brand (calendar month in China Standard Time).</summary>
public sealed record MonthlyGmv(DateOnly Month, decimal Gmv);

/// <summary>Why a brand moves on the growth path, before it is put into a sentence.</summary>
public enum TierChangeReason
{
    /// <summary>The first paid order: a new store starts ramping up.</summary>
    FirstPaidOrder,

    /// <summary>A completed month's GMV reached a higher tier's threshold.</summary>
    Promotion,

    /// <summary>GMV stayed below the tier's threshold for the configured number of months.</summary>
    Demotion,
}

/// <summary>A move the metrics call for: the proof is <see cref="Gmv"/> in <see cref="Month"/>, or the first paid order's day.</summary>
public sealed record TierMove(GrowthTier From, GrowthTier To, DateOnly EffectiveFrom, TierChangeReason Reason, DateOnly Month, decimal Gmv);

/// <summary>
/// The growth path replayed from a brand's figures, month by month: the first paid order moves a new
/// store to ramp-up on that day; a completed month's GMV at or above a threshold promotes from the
/// first day of the next month; a tier is lost only after <see cref="TierOptions.DemotionMonths"/>
/// consecutive completed months below its threshold, to the best tier those months reached. Pure:
/// the same figures always give the same moves.
/// </summary>
public static class TierEvaluator
{
    public static IReadOnlyList<TierMove> Replay(IReadOnlyList<MonthlyGmv> months, DateOnly? firstPaidOrder, DateOnly today, TierOptions options)
    {
        var moves = new List<TierMove>();
        if (months.Count == 0 && firstPaidOrder is null)
        {
            return moves;
        }

        var byMonth = months.GroupBy(m => FirstOfMonth(m.Month)).ToDictionary(g => g.Key, g => g.Sum(m => m.Gmv));
        var first = byMonth.Count > 0 ? byMonth.Keys.Min() : FirstOfMonth(firstPaidOrder!.Value);
        if (firstPaidOrder is { } paid && FirstOfMonth(paid) < first)
        {
            first = FirstOfMonth(paid);
        }

        var current = FirstOfMonth(today);
        var tier = GrowthTier.NewStore;
        var below = 0;
        var bestBelow = GrowthTier.NewStore;
        for (var month = first; month <= current; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            if (firstPaidOrder is { } day && day >= month && day < next && tier == GrowthTier.NewStore)
            {
                moves.Add(new TierMove(tier, GrowthTier.RampUp, day, TierChangeReason.FirstPaidOrder, month, 0));
                tier = GrowthTier.RampUp;
            }

            if (month == current)
            {
                break;
            }

            var gmv = byMonth.GetValueOrDefault(month);
            var floor = firstPaidOrder is { } p && p < next ? GrowthTier.RampUp : GrowthTier.NewStore;
            var level = gmv >= options.SkaMonthlyGmv ? GrowthTier.Ska : gmv >= options.KaMonthlyGmv ? GrowthTier.Ka : floor;
            if (level > tier)
            {
                moves.Add(new TierMove(tier, level, next, TierChangeReason.Promotion, month, gmv));
                tier = level;
                below = 0;
                bestBelow = GrowthTier.NewStore;
            }
            else if (level < tier)
            {
                below++;
                bestBelow = level > bestBelow ? level : bestBelow;
                if (below >= options.DemotionMonths)
                {
                    moves.Add(new TierMove(tier, bestBelow, next, TierChangeReason.Demotion, month, gmv));
                    tier = bestBelow;
                    below = 0;
                    bestBelow = GrowthTier.NewStore;
                }
            }
            else
            {
                below = 0;
                bestBelow = GrowthTier.NewStore;
            }
        }

        return moves;
    }

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
}
