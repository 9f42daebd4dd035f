using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// Reads around delegations: the dashboard's Core check, a delegation whose grantor has no account, and one revoked
/// before it started. Each test works on its own new brand (or only reads the demo), so order does not matter.
/// </summary>
public sealed class DelegationReadsTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    private BrandDelegationService Delegations => fixture.Service<BrandDelegationService>();

    private MetricsReader Reader => fixture.Service<MetricsReader>();

    private DateOnly Today => PlatformTime.DayOf(fixture.App.Clock.GetUtcNow());

    [Fact]
    public async Task Dashboard_ForMemberStaffAndMetricsDelegate_IsRead()
    {
        (await Reader.GetDashboardAsync(fixture.Owner, fixture.DemoTeaId)).ShouldNotBeNull();
        (await Reader.GetDashboardAsync(fixture.Staff, fixture.DemoTeaId)).ShouldNotBeNull();
        (await Reader.GetDashboardAsync(fixture.Provider, fixture.DemoTeaId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Dashboard_ForAProviderWithoutMetrics_OrAnotherBrandsMember_IsNull()
    {
        var (code, id, owner) = await fixture.NewBrandAsync("dash");
        await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans | DelegatedArea.StepsTasks);

        (await Reader.GetDashboardAsync(fixture.Provider2, id)).ShouldBeNull();
        (await Reader.GetDashboardAsync(fixture.Provider, fixture.SilverMoonId)).ShouldBeNull();
        (await Reader.GetDashboardAsync(fixture.Owner, id)).ShouldBeNull();
        (await Reader.GetDashboardAsync(owner, id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Dashboard_AfterTheMetricsDelegationIsRevoked_IsNull()
    {
        var (code, id, owner) = await fixture.NewBrandAsync("dash");
        var delegation = await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.MetricsImport);
        (await Reader.GetDashboardAsync(fixture.Provider2, id)).ShouldNotBeNull();

        (await Delegations.RevokeAsync(owner, code, delegation)).Succeeded.ShouldBeTrue();

        (await Reader.GetDashboardAsync(fixture.Provider2, id)).ShouldBeNull();
    }

    [Fact]
    public async Task List_DelegationWhoseGrantorHasNoAccount_IsListed_AndCanBeRevoked()
    {
        var (code, id, owner) = await fixture.NewBrandAsync("orphan");
        var orphan = new BrandDelegation
        {
            BrandId = id, ProviderId = fixture.XiaomanId, Areas = DelegatedArea.StreamPlans, StartsOn = Today.AddDays(-3),
            GrantedByUserId = Guid.Empty, CreatedAt = fixture.App.Clock.GetUtcNow(),
        };
        await fixture.App.WithDbAsync(async db =>
        {
            db.BrandDelegations.Add(orphan);
            await db.SaveChangesAsync();
            return 0;
        });

        var row = (await Delegations.ListAsync(owner, code)).ShouldNotBeNull().Delegations.ShouldHaveSingleItem();
        row.Id.ShouldBe(orphan.Id);
        row.GrantedBy.ShouldBe("(unknown)");

        (await Delegations.RevokeAsync(owner, code, orphan.Id)).Succeeded.ShouldBeTrue();
        (await Delegations.ListAsync(owner, code)).ShouldNotBeNull().Delegations.ShouldHaveSingleItem().State.ShouldBe(DelegationState.Revoked);
    }

    [Fact]
    public async Task Seed_EveryDelegation_NamesAGrantorWhoExists()
    {
        // The orphan test above adds its own on a brand coded "orphan-…"; only the seed's count here.
        var orphans = await fixture.App.WithDbAsync(db => db.BrandDelegations
            .Where(d => !db.Brands.Any(b => b.Id == d.BrandId && b.Code.StartsWith("orphan")))
            .CountAsync(d => !db.Users.Any(u => u.Id == d.GrantedByUserId)));

        orphans.ShouldBe(0);
    }

    [Fact]
    public async Task RevokedBeforeItStarted_HasAnEmptyPeriod_AndServedNothing()
    {
        var (code, id, owner) = await fixture.NewBrandAsync("early");
        var granted = await Delegations.GrantAsync(owner, code, new GrantDelegationRequest(fixture.XiaomanId, DelegatedArea.StreamPlans, Today.AddDays(10), Today.AddDays(40)));
        granted.Errors.ShouldBeEmpty();
        var delegationId = await fixture.App.WithDbAsync(db => db.BrandDelegations.Where(d => d.BrandId == id).Select(d => d.Id).SingleAsync());

        (await Delegations.RevokeAsync(owner, code, delegationId)).Succeeded.ShouldBeTrue();

        var stored = await fixture.App.WithDbAsync(db => db.BrandDelegations.AsNoTracking().SingleAsync(d => d.Id == delegationId));
        BrandDelegation.RevokedBeforeStart(stored.StartsOn, stored.RevokedAt).ShouldBeTrue();
        stored.LastDay.ShouldBe(stored.StartsOn.AddDays(-1));
        ServedPeriods.Of([stored], Today.AddDays(60)).Brands.ShouldBeEmpty();
        var staffView = (await fixture.Service<ProviderDirectory>().FindAsync(fixture.Staff, DemoData.SmallProviderCode)).ShouldNotBeNull();
        var row = staffView.Delegations.Single(d => d.Id == delegationId);
        (row.LastDay < row.StartsOn).ShouldBeTrue();
        row.Running.ShouldBeFalse();
    }
}
