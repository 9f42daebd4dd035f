using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.TrustCard;
using Portal.Core.Time;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.TrustCard;

public sealed class TrustCardTests(StreamsApp fixture) : IClassFixture<StreamsApp>
{
    private TrustCardService Cards => fixture.App.Services.GetRequiredService<TrustCardService>();

    private static readonly IReadOnlyList<TrustTier> Tiers = TrustTierDefaults.Create();

    [Theory]
    [InlineData(TrustEntitlements.None, null)]
    [InlineData(TrustEntitlements.SevenDayReturns, null)]
    [InlineData(TrustEntitlements.SevenDayReturns | TrustEntitlements.FastShipping, "basic")]
    [InlineData(TrustEntitlements.SevenDayReturns | TrustEntitlements.FastShipping | TrustEntitlements.TenfoldCompensation, "basic")]
    [InlineData(TrustTierDefaults.Advanced, "advanced")]
    [InlineData(TrustTierDefaults.Premium, "premium")]
    [InlineData(TrustTierDefaults.Premium & ~TrustEntitlements.FastShipping, null)]
    public void Reached_IsTheHighestTierWhoseEntitlementsAreAllSelected(TrustEntitlements selection, string? tier)
    {
        (TrustTier.Reached(Tiers, selection)?.Code).ShouldBe(tier);
    }

    [Fact]
    public async Task Save_RecordsEachChangeWithItsDateAndAuthor()
    {
        var (brandId, owner) = await fixture.NewBrandAsync("trust-history");
        var clock = fixture.App.Services.GetRequiredService<PortalClock>();
        try
        {
            clock.MoveTo(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
            (await Cards.SaveAsync(owner, brandId, TrustTierDefaults.Basic)).Succeeded.ShouldBeTrue();
            clock.MoveTo(new DateTimeOffset(2026, 12, 15, 2, 0, 0, TimeSpan.Zero));
            (await Cards.SaveAsync(owner, brandId, TrustTierDefaults.Premium)).Succeeded.ShouldBeTrue();
            // Saving the same selection again is not a change.
            (await Cards.SaveAsync(owner, brandId, TrustTierDefaults.Premium)).Succeeded.ShouldBeTrue();
        }
        finally
        {
            clock.Reset();
        }

        var card = (await Cards.GetAsync(owner, brandId)).ShouldNotBeNull();

        card.Entitlements.ShouldBe(TrustTierDefaults.Premium);
        card.ReachedTier.ShouldNotBeNull().Code.ShouldBe("premium");
        card.History.Count.ShouldBe(2);
        card.History[0].ChangedAt.Date.ShouldBe(new DateTime(2026, 12, 15));
        card.History[0].Before.ShouldBe(TrustTierDefaults.Basic);
        card.History[0].After.ShouldBe(TrustTierDefaults.Premium);
        card.History[0].ChangedBy.ShouldBe("trust-history@example.com");
        card.History[1].ChangedAt.Date.ShouldBe(new DateTime(2026, 12, 1));
        card.History[1].Before.ShouldBe(TrustEntitlements.None);
    }

    [Fact]
    public async Task Staff_SeeTheCardAndHistory_ButCannotChangeIt()
    {
        var before = (await Cards.GetAsync(fixture.Staff, fixture.DemoBrandId)).ShouldNotBeNull();

        var outcome = await Cards.SaveAsync(fixture.Staff, fixture.DemoBrandId, TrustTierDefaults.Premium);

        outcome.Errors.ShouldBe(["SKA staff can view this brand's trust card but not change it."]);
        before.CanEdit.ShouldBeFalse();
        before.History.ShouldNotBeEmpty();
        var after = (await Cards.GetAsync(fixture.Staff, fixture.DemoBrandId)).ShouldNotBeNull();
        after.Entitlements.ShouldBe(before.Entitlements);
        after.History.Count.ShouldBe(before.History.Count);
    }

    [Fact]
    public async Task AnotherBrandsMember_CannotSeeOrChangeTheCard()
    {
        (await Cards.GetAsync(fixture.Outsider, fixture.DemoBrandId)).ShouldBeNull();

        var outcome = await Cards.SaveAsync(fixture.Outsider, fixture.DemoBrandId, TrustEntitlements.None);

        outcome.Succeeded.ShouldBeFalse();
        var entitlements = await fixture.App.WithDbAsync(db => db.TrustCardCommitments.Where(c => c.BrandId == fixture.DemoBrandId).Select(c => c.Entitlements).SingleAsync());
        entitlements.ShouldBe(TrustTierDefaults.Advanced);
    }

    [Fact]
    public async Task TwoFirstCommitmentsAtOnce_BothSave_OneAfterTheOther()
    {
        var (brandId, owner) = await fixture.NewBrandAsync("trust-race");

        // Both wait at their first read of the brand, then go together: neither finds a commitment yet.
        var outcomes = await fixture.Reads.TogetherAsync(brandId,
            () => Cards.SaveAsync(owner, brandId, TrustTierDefaults.Basic),
            () => Cards.SaveAsync(owner, brandId, TrustTierDefaults.Premium));

        outcomes.ShouldAllBe(o => o.Succeeded);
        (await fixture.App.WithDbAsync(db => db.TrustCardCommitments.CountAsync(c => c.BrandId == brandId))).ShouldBe(1);
        (await fixture.App.WithDbAsync(db => db.TrustCardChanges.CountAsync(c => c.BrandId == brandId))).ShouldBe(2);
    }

    [Fact]
    public async Task Tiers_AreReadFromTheDatabase_SoAChangedTierCounts()
    {
        var (brandId, owner) = await fixture.NewBrandAsync("trust-config");
        (await Cards.SaveAsync(owner, brandId, TrustTierDefaults.Basic)).Succeeded.ShouldBeTrue();
        (await Cards.GetAsync(owner, brandId)).ShouldNotBeNull().ReachedTier.ShouldNotBeNull().Code.ShouldBe("basic");
        await fixture.App.WithDbAsync(async db =>
        {
            var basic = await db.TrustTiers.SingleAsync(t => t.Code == "basic");
            basic.Entitlements |= TrustEntitlements.FastRefund;
            return await db.SaveChangesAsync();
        });

        try
        {
            (await Cards.GetAsync(owner, brandId)).ShouldNotBeNull().ReachedTier.ShouldBeNull();
        }
        finally
        {
            await fixture.App.WithDbAsync(async db =>
            {
                var basic = await db.TrustTiers.SingleAsync(t => t.Code == "basic");
                basic.Entitlements = TrustTierDefaults.Basic;
                return await db.SaveChangesAsync();
            });
        }
    }
}
