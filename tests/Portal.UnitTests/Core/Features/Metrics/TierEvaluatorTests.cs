using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;

namespace Portal.UnitTests.Core.Features.Metrics;

/// <summary>The growth path replayed from monthly GMV: promotion, demotion after N months, the month in progress.</summary>
public sealed class TierEvaluatorTests
{
    private static readonly TierOptions Defaults = new();

    private static MonthlyGmv M(int year, int month, decimal gmv) => new(new DateOnly(year, month, 1), gmv);

    [Fact]
    public void Replay_FirstPaidOrderThenSkaMonth_RampsUpOnTheDayAndIsSkaFromTheNextMonth()
    {
        var moves = TierEvaluator.Replay([M(2026, 6, 500_000), M(2026, 7, 12_300_000)], new DateOnly(2026, 6, 3), new DateOnly(2026, 8, 10), Defaults);

        moves.Select(m => (m.From, m.To, m.EffectiveFrom)).ShouldBe(
        [
            (GrowthTier.NewStore, GrowthTier.RampUp, new DateOnly(2026, 6, 3)),
            (GrowthTier.RampUp, GrowthTier.Ska, new DateOnly(2026, 8, 1)),
        ]);
        moves[1].Gmv.ShouldBe(12_300_000m);
        moves[1].Month.ShouldBe(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void Replay_MonthInProgress_DoesNotPromoteYet()
    {
        var moves = TierEvaluator.Replay([M(2026, 8, 2_000_000)], new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), Defaults);

        moves.Select(m => m.To).ShouldBe([GrowthTier.RampUp]);
    }

    [Fact]
    public void Replay_LastDayOfTheMonthCompleted_PromotesOnTheFirstOfTheNext()
    {
        var moves = TierEvaluator.Replay([M(2026, 8, 2_000_000)], new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 1), Defaults);

        moves.Last().ShouldBe(new TierMove(GrowthTier.RampUp, GrowthTier.Ka, new DateOnly(2026, 9, 1), TierChangeReason.Promotion, new DateOnly(2026, 8, 1), 2_000_000m));
    }

    [Fact]
    public void Replay_OneMonthBelow_KeepsTheTier()
    {
        var moves = TierEvaluator.Replay([M(2026, 5, 1_500_000), M(2026, 6, 400_000), M(2026, 7, 1_200_000), M(2026, 8, 300_000)], new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 5), Defaults);

        moves.Select(m => m.To).ShouldBe([GrowthTier.RampUp, GrowthTier.Ka]);
    }

    [Fact]
    public void Replay_TwoMonthsBelow_DemotesAfterTheSecond()
    {
        var moves = TierEvaluator.Replay([M(2026, 5, 15_000_000), M(2026, 6, 3_000_000), M(2026, 7, 900_000)], new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 5), Defaults);

        moves.Select(m => (m.To, m.EffectiveFrom, m.Reason)).ShouldBe(
        [
            (GrowthTier.RampUp, new DateOnly(2026, 5, 1), TierChangeReason.FirstPaidOrder),
            (GrowthTier.Ska, new DateOnly(2026, 6, 1), TierChangeReason.Promotion),
            (GrowthTier.Ka, new DateOnly(2026, 8, 1), TierChangeReason.Demotion),
        ]);
    }

    [Fact]
    public void Replay_MissingMonths_CountAsNoGmv()
    {
        var moves = TierEvaluator.Replay([M(2026, 3, 1_000_000)], new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 2), new TierOptions { DemotionMonths = 2 });

        moves.Select(m => (m.To, m.EffectiveFrom)).ShouldBe(
        [
            (GrowthTier.RampUp, new DateOnly(2026, 3, 1)),
            (GrowthTier.Ka, new DateOnly(2026, 4, 1)),
            (GrowthTier.RampUp, new DateOnly(2026, 6, 1)),
        ]);
    }

    [Fact]
    public void Replay_ConfiguredThreeMonths_WaitsForTheThird()
    {
        var options = new TierOptions { DemotionMonths = 3 };

        var moves = TierEvaluator.Replay([M(2026, 1, 2_000_000), M(2026, 2, 10), M(2026, 3, 10)], new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 2), options);

        moves.Select(m => m.To).ShouldBe([GrowthTier.RampUp, GrowthTier.Ka]);
    }
}
