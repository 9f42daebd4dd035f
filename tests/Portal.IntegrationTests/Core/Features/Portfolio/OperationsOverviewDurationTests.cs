using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// Six brands with known stage dates, alone in a database of their own (no demo brands), so every
/// median of the staff home is known. Days are China's (platform) days. Day numbers below count from
/// <see cref="D0"/>:
/// <code>
///        registered   submitted   approved   ramp-up (first sale)   KA                 SKA
/// A      0 23:30      2 00:30     5          12                     42                 -
/// B      0            5           9          19                     -                  -
/// C      0            11          -          -                      -                  -      (under review)
/// D      0            -           -          -                      -                  -      (draft)
/// E      0            6           16         60 (demoted from KA)   40 (from new store) -
/// F      0            (approved, no events)  20                     110 (demoted)      40 (from ramp-up)
/// </code>
/// E skipped ramp-up on the way up and F skipped KA: a demotion into a tier is not reaching it.
/// </summary>
public sealed class OperationsDurationsFixture : IAsyncLifetime
{
    public static readonly DateOnly D0 = new(2026, 3, 2);

    public PortalAppFactory App { get; } = new(settings: PortalAppFactory.EmptySettings());

    public OperationsSnapshot Snapshot { get; private set; } = null!;

    public System.Security.Claims.ClaimsPrincipal Staff { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Staff = await TestBrands.CreateStaffAsync(App, "durations-staff@example.test", "Durations staff");
        var staffId = BrandDirectory.UserId(Staff)!.Value;

        // Registered: the brands are created through the app with its clock standing on day 0.
        var ids = new Dictionary<char, Guid>();
        foreach (var name in "ABCDEF")
        {
            App.Clock.MoveTo(name == 'A' ? At(0, 23, 30) : At(0));
            ids[name] = await TestBrands.CreateWithOwnerAsync(App, $"dur-{char.ToLowerInvariant(name)}", $"dur-{char.ToLowerInvariant(name)}@example.test");
        }

        App.Clock.Reset();

        await App.WithDbAsync(async db =>
        {
            void Event(char brand, ApplicationAction action, DateTimeOffset at) => db.ApplicationEvents.Add(new ApplicationEvent
            {
                BrandId = ids[brand], Action = action, ActorUserId = staffId, CreatedAt = at,
                From = action == ApplicationAction.Submit ? ApplicationStatus.Draft : ApplicationStatus.UnderReview,
                To = action == ApplicationAction.Submit ? ApplicationStatus.Submitted : ApplicationStatus.Approved,
            });
            void Tier(char brand, GrowthTier from, GrowthTier to, int day) => db.Set<TierChange>().Add(new TierChange
            {
                BrandId = ids[brand], From = from, To = to, EffectiveFrom = D0.AddDays(day), Explanation = $"{from} to {to}",
                Source = TierChangeSource.Metrics, CreatedAt = At(day),
            });

            Event('A', ApplicationAction.Submit, At(2, 0, 30));
            Event('A', ApplicationAction.Approve, At(5));
            Tier('A', GrowthTier.NewStore, GrowthTier.RampUp, 12);
            Tier('A', GrowthTier.RampUp, GrowthTier.Ka, 42);

            Event('B', ApplicationAction.Submit, At(5));
            Event('B', ApplicationAction.Approve, At(9));
            // A second submission (after a request for changes) does not move the first.
            Event('B', ApplicationAction.Submit, At(8));
            Tier('B', GrowthTier.NewStore, GrowthTier.RampUp, 19);

            Event('C', ApplicationAction.Submit, At(11));

            Event('E', ApplicationAction.Submit, At(6));
            Event('E', ApplicationAction.Approve, At(16));
            Tier('E', GrowthTier.NewStore, GrowthTier.Ka, 40);
            Tier('E', GrowthTier.Ka, GrowthTier.RampUp, 60);

            Tier('F', GrowthTier.NewStore, GrowthTier.RampUp, 20);
            Tier('F', GrowthTier.RampUp, GrowthTier.Ska, 40);
            Tier('F', GrowthTier.Ska, GrowthTier.Ka, 110);

            var brands = db.Brands.Where(b => ids.Values.Contains(b.Id)).ToList();
            void Set(char name, ApplicationStatus status, GrowthTier tier)
            {
                var brand = brands.Single(b => b.Id == ids[name]);
                brand.Status = status;
                brand.Tier = tier;
            }

            Set('A', ApplicationStatus.Approved, GrowthTier.Ka);
            Set('B', ApplicationStatus.Approved, GrowthTier.RampUp);
            Set('C', ApplicationStatus.UnderReview, GrowthTier.NewStore);
            Set('E', ApplicationStatus.Approved, GrowthTier.RampUp);
            Set('F', ApplicationStatus.Approved, GrowthTier.Ka);
            return await db.SaveChangesAsync();
        });

        var outcome = await App.Services.GetRequiredService<OperationsOverview>().GetAsync(Staff);
        Snapshot = outcome.Value.ShouldNotBeNull(string.Join("; ", outcome.Errors));
    }

    /// <summary>Day <paramref name="day"/> after <see cref="D0"/> at the given time in China (noon by default).</summary>
    public static DateTimeOffset At(int day, int hour = 12, int minute = 0) => PlatformTime.At(D0.AddDays(day), new TimeOnly(hour, minute));

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>The exact medians and counts of the staff home over <see cref="OperationsDurationsFixture"/>'s brands.</summary>
public sealed class OperationsOverviewDurationTests(OperationsDurationsFixture fixture) : IClassFixture<OperationsDurationsFixture>
{
    private StageDuration Stage(FunnelStage from) => fixture.Snapshot.Durations.Single(d => d.From == from);

    [Fact]
    public void Durations_AreTheFiveStagesInOrder()
    {
        fixture.Snapshot.Durations.Select(d => (d.From, d.To)).ShouldBe(
        [
            (FunnelStage.Registered, FunnelStage.Submitted),
            (FunnelStage.Submitted, FunnelStage.Approved),
            (FunnelStage.Approved, FunnelStage.FirstSale),
            (FunnelStage.FirstSale, FunnelStage.Ka),
            (FunnelStage.Ka, FunnelStage.Ska),
        ]);
    }

    [Fact]
    public void RegisteredToSubmitted_OverAnEvenNumberOfBrands_IsTheMeanOfTheMiddleTwo_InChinaDays()
    {
        // A: 2 (registered 23:30 on day 0, submitted 00:30 on day 2: 25 hours, but two China days),
        // B: 5, E: 6, C: 11 (the first submission counts); D never submitted, F has no submission.
        Stage(FunnelStage.Registered).ShouldBe(new StageDuration(FunnelStage.Registered, FunnelStage.Submitted, 5.5, 4));
    }

    [Fact]
    public void SubmittedToApproved_OverAnOddNumberOfBrands_IsTheMiddleValue()
    {
        // A: 3, B: 4 (from the first submission, day 5), E: 10; C is still under review.
        Stage(FunnelStage.Submitted).ShouldBe(new StageDuration(FunnelStage.Submitted, FunnelStage.Approved, 4, 3));
    }

    [Fact]
    public void ApprovedToFirstSale_LeavesOutABrandThatSkippedRampUp_EvenIfItWasLaterDemotedIntoIt()
    {
        // A: 7, B: 10. E went from new store straight to KA on day 40; its demotion to ramp-up on
        // day 60 is not its first sale (counting it would add 44 days and make the median 10).
        Stage(FunnelStage.Approved).ShouldBe(new StageDuration(FunnelStage.Approved, FunnelStage.FirstSale, 8.5, 2));
    }

    [Fact]
    public void FirstSaleToKa_LeavesOutBrandsThatSkippedAStage()
    {
        // A: 30. E had no first sale (skipped ramp-up); F skipped KA on its way to SKA, and its
        // demotion to KA on day 110 is not reaching KA (counting it would add 90 days).
        Stage(FunnelStage.FirstSale).ShouldBe(new StageDuration(FunnelStage.FirstSale, FunnelStage.Ka, 30, 1));
    }

    [Fact]
    public void KaToSka_WithNoBrandThatLeftKaForSka_IsNull()
    {
        Stage(FunnelStage.Ka).ShouldBe(new StageDuration(FunnelStage.Ka, FunnelStage.Ska, null, 0));
    }

    [Fact]
    public void Funnel_CountsEveryBrandForEachStageItReachedOrPassed()
    {
        fixture.Snapshot.Funnel.ShouldBe(
        [
            (FunnelStage.Registered, 6),
            (FunnelStage.Submitted, 5), // all but the draft D (F is approved without recorded events)
            (FunnelStage.Approved, 4), // A, B, E, F
            (FunnelStage.FirstSale, 4),
            (FunnelStage.RampUp, 4),
            (FunnelStage.Ka, 3), // A, E (before its demotion), F (now KA after SKA)
            (FunnelStage.Ska, 1),
        ]);
        fixture.Snapshot.Tiers.ShouldBe(
        [
            (GrowthTier.NewStore, 2),
            (GrowthTier.RampUp, 2),
            (GrowthTier.Ka, 2),
            (GrowthTier.Ska, 0),
        ]);
    }
}
