using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Streams;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>The brand's owner grants and revokes delegations; everyone else is refused, and bad requests change nothing.</summary>
public sealed class DelegationGrantTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    private BrandDelegationService Delegations => fixture.Service<BrandDelegationService>();

    private DateOnly Today => PlatformTime.DayOf(fixture.App.Clock.GetUtcNow());

    private Task<int> CountAsync(Guid brandId) => fixture.App.WithDbAsync(db => db.BrandDelegations.CountAsync(d => d.BrandId == brandId));

    [Fact]
    public async Task Grant_ByTheOwner_IsListedAsRunning_WithWhoGranted()
    {
        var (code, id, owner) = await fixture.NewBrandAsync();

        var outcome = await Delegations.GrantAsync(owner, code, new GrantDelegationRequest(fixture.XiaomanId, DelegatedArea.StreamPlans, Today, Today.AddDays(30)));

        outcome.Errors.ShouldBeEmpty();
        var view = (await Delegations.ListAsync(owner, code)).ShouldNotBeNull();
        view.CanManage.ShouldBeTrue();
        view.Providers.Select(p => p.Id).ShouldContain(fixture.XiaomanId);
        var row = view.Delegations.ShouldHaveSingleItem();
        row.State.ShouldBe(DelegationState.Running);
        row.Areas.ShouldBe(DelegatedArea.StreamPlans);
        row.GrantedBy.ShouldBe($"{code}@example.com");
        (await fixture.Service<BrandDirectory>().FindAccessibleAsync(fixture.Provider2, code)).ShouldNotBeNull().Provider.ShouldNotBeNull().Areas.ShouldBe(DelegatedArea.StreamPlans);
        (await fixture.Service<StreamPlanService>().CreateAsync(fixture.Provider2, id, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(2)))).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoGrantsAtOnce_ToOneProvider_MakeOneDelegation_AndTheOtherIsRefused()
    {
        // The owner submits from two tabs: both read the provider, then both would find no open delegation and insert.
        var (code, id, owner) = await fixture.NewBrandAsync();
        var request = new GrantDelegationRequest(fixture.XiaomanId, DelegatedArea.StreamPlans, Today, null);

        var outcomes = await fixture.Reads.TogetherAsync(fixture.XiaomanId,
            () => Delegations.GrantAsync(owner, code, request),
            () => Delegations.GrantAsync(owner, code, request));

        outcomes.Count(o => o.Succeeded).ShouldBe(1);
        outcomes.Single(o => !o.Succeeded).Errors.ShouldHaveSingleItem().ShouldContain("already");
        (await CountAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Grant_ByAnyoneButTheOwner_IsRefused_NothingWritten()
    {
        var (code, id, _) = await fixture.NewBrandAsync();
        var request = new GrantDelegationRequest(fixture.XiaomanId, DelegatedArea.StreamPlans, Today, null);

        foreach (var user in new[] { fixture.Staff, fixture.Provider, fixture.Provider2, fixture.Owner })
        {
            (await Delegations.GrantAsync(user, code, request)).Succeeded.ShouldBeFalse();
        }

        (await CountAsync(id)).ShouldBe(0);
        (await Delegations.ListAsync(fixture.Staff, code)).ShouldNotBeNull().CanManage.ShouldBeFalse();
        (await Delegations.ListAsync(fixture.Owner, code)).ShouldBeNull();
    }

    [Fact]
    public async Task Grant_ByANonOwnerMember_IsRefused_ButTheyRead()
    {
        var (code, id, owner) = await fixture.NewBrandAsync();
        var memberEmail = $"m-{Guid.NewGuid():N}@example.com";
        var other = await TestBrands.CreateWithOwnerAsync(fixture.App, $"x-{Guid.NewGuid():N}"[..20], memberEmail);
        await fixture.App.WithDbAsync(async db =>
        {
            var userId = await db.BrandMembers.Where(m => m.BrandId == other).Select(m => m.UserId).SingleAsync();
            db.BrandMembers.Add(new BrandMember { BrandId = id, UserId = userId, Role = BrandMemberRole.Member });
            return await db.SaveChangesAsync();
        });
        var member = await fixture.App.PrincipalAsync(memberEmail);

        var outcome = await Delegations.GrantAsync(member, code, new GrantDelegationRequest(fixture.XiaomanId, DelegatedArea.StreamPlans, Today, null));

        outcome.Succeeded.ShouldBeFalse();
        (await CountAsync(id)).ShouldBe(0);
        (await Delegations.ListAsync(member, code)).ShouldNotBeNull().CanManage.ShouldBeFalse();
    }

    public static TheoryData<string, int, int?, DelegatedArea, string> BadRequests => new()
    {
        { "no areas", 0, null, DelegatedArea.None, "Choose at least one area." },
        { "starts yesterday", -1, null, DelegatedArea.StreamPlans, "The start date cannot be in the past." },
        { "ends before start", 5, 4, DelegatedArea.StreamPlans, "The end date cannot be before the start date." },
        { "unknown area", 0, null, (DelegatedArea)64, "Choose at least one area." },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Grant_BadRequest_IsRefusedWithAMessage_NothingWritten(string scenario, int startsIn, int? endsIn, DelegatedArea areas, string message)
    {
        var (code, id, owner) = await fixture.NewBrandAsync();
        using var culture = PortalCultures.Use(PortalCultures.English);

        var outcome = await Delegations.GrantAsync(owner, code, new GrantDelegationRequest(fixture.XiaomanId, areas, Today.AddDays(startsIn), endsIn is { } e ? Today.AddDays(e) : null));

        outcome.Errors.ShouldContain(message, scenario);
        (await CountAsync(id)).ShouldBe(0);
    }

    [Fact]
    public async Task Grant_ToAProviderNotActive_IsRefused()
    {
        var (code, id, owner) = await fixture.NewBrandAsync();
        var applied = await fixture.App.WithDbAsync(async db =>
        {
            var provider = new Provider
            {
                Code = $"p-{Guid.NewGuid():N}"[..12], NameZh = "申请中", NameEn = "Applied", CompanyName = "Applied Co", ContactName = "A", ContactEmail = "a@example.com",
                Status = ProviderStatus.Applied,
            };
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            return provider.Id;
        });
        using var culture = PortalCultures.Use(PortalCultures.Chinese);

        var outcome = await Delegations.GrantAsync(owner, code, new GrantDelegationRequest(applied, DelegatedArea.StreamPlans, Today, null));

        outcome.Errors.ShouldBe(["请选择已生效的服务商。"]);
        (await CountAsync(id)).ShouldBe(0);
        (await Delegations.ListAsync(owner, code)).ShouldNotBeNull().Providers.Select(p => p.Id).ShouldNotContain(applied);
    }

    [Fact]
    public async Task Grant_WhileOneRunsOrWaits_IsRefused_AfterRevokeAllowed()
    {
        var (code, id, owner) = await fixture.NewBrandAsync();
        var first = await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans);

        var again = await Delegations.GrantAsync(owner, code, new GrantDelegationRequest(fixture.XiaomanId, DelegatedArea.Documents, Today.AddDays(10), null));
        (await Delegations.RevokeAsync(owner, code, first)).Errors.ShouldBeEmpty();
        var afterRevoke = await Delegations.GrantAsync(owner, code, new GrantDelegationRequest(fixture.XiaomanId, DelegatedArea.Documents, Today.AddDays(10), null));

        again.Succeeded.ShouldBeFalse();
        afterRevoke.Errors.ShouldBeEmpty();
        var states = (await Delegations.ListAsync(owner, code)).ShouldNotBeNull().Delegations.Select(d => d.State).ToList();
        states.ShouldBe([DelegationState.Scheduled, DelegationState.Revoked]);
        // Scheduled: not yet running, so no access today.
        (await fixture.Service<BrandDirectory>().FindAccessibleAsync(fixture.Provider2, code)).ShouldBeNull();
    }

    [Fact]
    public async Task Revoke_ByAnyoneButTheOwner_IsRefused_ItKeepsRunning()
    {
        var (code, id, owner) = await fixture.NewBrandAsync();
        var delegation = await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans);

        (await Delegations.RevokeAsync(fixture.Provider2, code, delegation)).Succeeded.ShouldBeFalse();
        (await Delegations.RevokeAsync(fixture.Staff, code, delegation)).Succeeded.ShouldBeFalse();
        (await Delegations.RevokeAsync(fixture.Owner, code, delegation)).Succeeded.ShouldBeFalse();

        (await fixture.App.WithDbAsync(db => db.BrandDelegations.Where(d => d.Id == delegation).Select(d => d.RevokedAt).SingleAsync())).ShouldBeNull();
        (await fixture.Service<BrandDirectory>().FindAccessibleAsync(fixture.Provider2, code)).ShouldNotBeNull();
    }
}

/// <summary>A delegation ends with the clock: the day after its last day it grants nothing. Its own app, since it moves the clock.</summary>
public sealed class DelegationClockTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    [Fact]
    public async Task Delegation_AfterItsLastDay_GrantsNothing()
    {
        var (code, id, owner) = await fixture.NewBrandAsync();
        var today = PlatformTime.DayOf(fixture.App.Clock.GetUtcNow());
        await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans, endsOn: today);
        var streams = fixture.Service<StreamPlanService>();
        var plan = (await streams.CreateAsync(fixture.Provider2, id, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(3)))).Value;
        plan.ShouldNotBe(Guid.Empty);

        try
        {
            fixture.App.Clock.MoveTo(PlatformTime.At(today.AddDays(1), new TimeOnly(0, 0, 1)));

            (await streams.FindAsync(fixture.Provider2, id, plan)).ShouldBeNull();
            (await streams.CreateAsync(fixture.Provider2, id, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(3)))).Succeeded.ShouldBeFalse();
            (await fixture.Service<BrandDirectory>().FindAccessibleAsync(fixture.Provider2, code)).ShouldBeNull();
            (await fixture.Service<BrandDelegationService>().ListAsync(owner, code)).ShouldNotBeNull().Delegations.ShouldHaveSingleItem().State.ShouldBe(DelegationState.Ended);
            (await fixture.App.WithDbAsync(db => db.StreamPlans.CountAsync(p => p.BrandId == id))).ShouldBe(1);
        }
        finally
        {
            fixture.App.Clock.Reset();
        }
    }
}
