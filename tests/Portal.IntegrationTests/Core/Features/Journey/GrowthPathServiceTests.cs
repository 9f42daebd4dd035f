using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Journey;

public sealed class GrowthPathServiceTests
{
    [Fact]
    public async Task RecordTierChange_WritesHistoryWithItsExplanation()
    {
        await using var app = new PortalAppFactory(settings: JourneyTestApp.NoJobs);
        var brandId = await app.DemoBrandIdAsync();
        var staffId = await app.UserIdAsync("ska@demo.test");

        await app.Growth().RecordTierChangeAsync(brandId, GrowthTier.RampUp, new DateOnly(2026, 3, 1), "Ramp-up since 2026-03: first paid order on 2026-03-02", TierChangeSource.Metrics);
        var change = await app.Growth().RecordTierChangeAsync(brandId, GrowthTier.Ka, new DateOnly(2026, 8, 1), "KA since 2026-08: GMV ¥1.2M in 2026-07", TierChangeSource.Override, staffId);

        change.ShouldNotBeNull().From.ShouldBe(GrowthTier.RampUp);
        (await app.WithDbAsync(db => db.Brands.Where(b => b.Id == brandId).Select(b => b.Tier).SingleAsync())).ShouldBe(GrowthTier.Ka);
        var path = await app.Growth().GetAsync(brandId);
        path.Current.ShouldBe(GrowthTier.Ka);
        path.History.Select(h => (h.From, h.To, h.Explanation, h.Source)).ShouldBe(
        [
            (GrowthTier.RampUp, GrowthTier.Ka, "KA since 2026-08: GMV ¥1.2M in 2026-07", TierChangeSource.Override),
            (GrowthTier.NewStore, GrowthTier.RampUp, "Ramp-up since 2026-03: first paid order on 2026-03-02", TierChangeSource.Metrics),
        ]);
        path.Next.ShouldNotBeNull().Tier.ShouldBe(GrowthTier.Ska);
        path.Next.MonthlyGmv.ShouldBe(10_000_000m);
    }

    [Fact]
    public async Task RecordTierChange_ToTheCurrentTier_WritesNothing()
    {
        await using var app = new PortalAppFactory(settings: JourneyTestApp.NoJobs);
        var brandId = await app.DemoBrandIdAsync();

        var change = await app.Growth().RecordTierChangeAsync(brandId, GrowthTier.NewStore, new DateOnly(2026, 3, 1), "Still a new store", TierChangeSource.Metrics);

        change.ShouldBeNull();
        (await app.Growth().GetAsync(brandId)).History.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordTierChange_WithoutExplanation_Throws()
    {
        await using var app = new PortalAppFactory(settings: JourneyTestApp.NoJobs);
        var brandId = await app.DemoBrandIdAsync();

        await Should.ThrowAsync<ArgumentException>(() => app.Growth().RecordTierChangeAsync(brandId, GrowthTier.RampUp, new DateOnly(2026, 3, 1), " ", TierChangeSource.Metrics));
    }

    [Fact]
    public async Task GrowthPath_ForANewStore_NeedsTheFirstOrderThenTheConfiguredThresholds()
    {
        var settings = JourneyTestApp.NoJobs;
        settings["Tiers:KaMonthlyGmv"] = "2000000";
        await using var app = new PortalAppFactory(settings: settings);

        var path = (await app.Growth().GetAsync(await app.PrincipalAsync("brand@demo.test"), "demo-tea")).ShouldNotBeNull();

        path.Steps.Select(s => (s.Tier, s.MonthlyGmv, s.State)).ShouldBe(
        [
            (GrowthTier.NewStore, (decimal?)null, TierStepState.Current),
            (GrowthTier.RampUp, null, TierStepState.Ahead),
            (GrowthTier.Ka, 2_000_000m, TierStepState.Ahead),
            (GrowthTier.Ska, 10_000_000m, TierStepState.Ahead),
        ]);
        path.Next.ShouldNotBeNull().Tier.ShouldBe(GrowthTier.RampUp);
    }
}
