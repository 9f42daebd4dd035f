using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Operations;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Operations;

/// <summary>One app (no job server) for the Brand 360 tests; each test makes a brand of its own.</summary>
public sealed class OperationsFixture : IAsyncLifetime
{
    public OperationsFixture() => App = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }) { TestServices = Reads.Install };

    public PortalAppFactory App { get; }

    /// <summary>Holds back the app's reads carrying a value, for tests of two staff acting at once (<see cref="ReadGate"/>).</summary>
    public ReadGate Reads { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

public sealed class BrandOperationsTests(OperationsFixture fixture) : IClassFixture<OperationsFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    private BrandOperationsService Operations => _app.Services.GetRequiredService<BrandOperationsService>();

    private async Task<(string Code, Guid Id, string Owner)> NewBrandAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var owner = $"owner-{suffix}@example.com";
        var code = $"ops-{suffix}";
        return (code, await TestBrands.CreateWithOwnerAsync(_app, code, owner, $"Ops {suffix}", "运营测试"), owner);
    }

    private Task<Guid> UserIdAsync(string email) => _app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task OverrideTier_WithoutReason_IsRefusedAndChangesNothing(string? reason)
    {
        var (_, id, _) = await NewBrandAsync();
        var staff = await _app.PrincipalAsync("ska@demo.test");

        var outcome = await Operations.OverrideTierAsync(staff, id, GrowthTier.Ka, reason);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldBe(["Give a reason for the tier override."]);
        (await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.Tier).SingleAsync())).ShouldBe(GrowthTier.NewStore);
        (await _app.WithDbAsync(db => db.Set<TierChange>().CountAsync(c => c.BrandId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task OverrideTier_ByStaffWithReason_IsRecordedAsAnOverrideWithTheReason()
    {
        var (_, id, _) = await NewBrandAsync();
        var staff = await _app.PrincipalAsync("ska@demo.test");

        var outcome = await Operations.OverrideTierAsync(staff, id, GrowthTier.Ka, "  Offline sales of ¥3M a month confirmed by the account manager  ");

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var change = await _app.WithDbAsync(db => db.Set<TierChange>().SingleAsync(c => c.BrandId == id));
        change.Source.ShouldBe(TierChangeSource.Override);
        change.From.ShouldBe(GrowthTier.NewStore);
        change.To.ShouldBe(GrowthTier.Ka);
        change.Explanation.ShouldBe("Offline sales of ¥3M a month confirmed by the account manager");
        change.ChangedByUserId.ShouldBe(await UserIdAsync("ska@demo.test"));
        change.EffectiveFrom.ShouldBe(Portal.Core.PlatformTime.DayOf(_app.Clock.GetUtcNow()));
        (await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.Tier).SingleAsync())).ShouldBe(GrowthTier.Ka);
        (await Operations.OverrideTierAsync(staff, id, GrowthTier.Ka, "again")).Errors.ShouldBe(["The brand is already at this tier."]);
    }

    [Fact]
    public async Task OverrideTier_ByTheBrandsOwnManager_IsRefused()
    {
        var (_, id, owner) = await NewBrandAsync();
        var manager = await _app.PrincipalAsync(owner);

        var outcome = await Operations.OverrideTierAsync(manager, id, GrowthTier.Ska, "We deserve it");

        outcome.Errors.ShouldBe(["Only SKA staff can do this."]);
        (await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.Tier).SingleAsync())).ShouldBe(GrowthTier.NewStore);
    }

    [Fact]
    public async Task AssignAccountManager_ByStaff_SetsTheManagerAndRecordsTheChange()
    {
        var (_, id, _) = await NewBrandAsync();
        var admin = await _app.PrincipalAsync("admin@demo.test");
        var ska = await UserIdAsync("ska@demo.test");

        var first = await Operations.AssignAccountManagerAsync(admin, id, ska);
        var removed = await Operations.AssignAccountManagerAsync(admin, id, null);

        first.Succeeded.ShouldBeTrue(string.Join("; ", first.Errors));
        removed.Succeeded.ShouldBeTrue();
        var changes = await _app.WithDbAsync(db => db.AccountManagerChanges.Where(c => c.BrandId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync());
        var adminId = await UserIdAsync("admin@demo.test");
        changes.Select(c => (c.FromUserId, c.ToUserId, c.ChangedByUserId)).ShouldBe([(null, ska, adminId), (ska, null, adminId)]);
        (await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.AccountManagerUserId).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task TwoOverridesToOneTierAtOnce_RecordOneChange_AndTellTheOtherItIsDone()
    {
        var (_, id, _) = await NewBrandAsync();
        var ska = await _app.PrincipalAsync("ska@demo.test");
        var admin = await _app.PrincipalAsync("admin@demo.test");

        // Both wait at their first read of the brand, then go at once: each reads the brand as the other found it.
        var outcomes = await fixture.Reads.TogetherAsync(id,
            () => Operations.OverrideTierAsync(ska, id, GrowthTier.Ka, "Offline sales confirmed"),
            () => Operations.OverrideTierAsync(admin, id, GrowthTier.Ka, "Confirmed by phone"));

        outcomes.Count(o => o.Succeeded).ShouldBe(1);
        outcomes.Single(o => !o.Succeeded).Errors.ShouldBe(["The brand is already at this tier."]);
        (await _app.WithDbAsync(db => db.Set<TierChange>().CountAsync(c => c.BrandId == id))).ShouldBe(1);
    }

    [Fact]
    public async Task TwoAssignmentsAtOnce_KeepOneHistory_AndRefuseTheSecond()
    {
        var (_, id, _) = await NewBrandAsync();
        var admin = await _app.PrincipalAsync("admin@demo.test");
        var ska = await UserIdAsync("ska@demo.test");
        var adminId = await UserIdAsync("admin@demo.test");

        // Both wait at their first read of the brand, then go at once: each reads the brand as the other found it.
        var outcomes = await fixture.Reads.TogetherAsync(id,
            () => Operations.AssignAccountManagerAsync(admin, id, ska),
            () => Operations.AssignAccountManagerAsync(admin, id, adminId));

        var changes = await _app.WithDbAsync(db => db.AccountManagerChanges.Where(c => c.BrandId == id).ToListAsync());
        var current = await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.AccountManagerUserId).SingleAsync());
        // Released together, the second read may still run after the first assignment saved (a loaded machine, seen on
        // PostgreSQL): then both succeed, one after the other. Either way the history is one chain from no manager, never
        // two changes "from nobody" (the fork two stale reads made).
        var first = changes.Single(c => c.FromUserId == null);
        if (outcomes.All(o => o.Succeeded))
        {
            var second = changes.Where(c => c.Id != first.Id).ShouldHaveSingleItem();
            second.FromUserId.ShouldBe(first.ToUserId);
            current.ShouldBe(second.ToUserId);
            return;
        }

        outcomes.Single(o => !o.Succeeded).Errors.ShouldBe(["Someone else changed this brand at the same time; nothing was saved. Reload the page and try again."]);
        changes.ShouldHaveSingleItem();
        current.ShouldBe(first.ToUserId);
    }

    [Fact]
    public async Task AssignAccountManager_ByABrandManagerOrToANonStaffUser_IsRefused()
    {
        var (_, id, owner) = await NewBrandAsync();
        var ownerId = await UserIdAsync(owner);
        var ska = await UserIdAsync("ska@demo.test");

        var byManager = await Operations.AssignAccountManagerAsync(await _app.PrincipalAsync(owner), id, ska);
        var toManager = await Operations.AssignAccountManagerAsync(await _app.PrincipalAsync("ska@demo.test"), id, ownerId);

        byManager.Errors.ShouldBe(["Only SKA staff can do this."]);
        toManager.Errors.ShouldBe(["The account manager must be an SKA staff member."]);
        (await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.AccountManagerUserId).SingleAsync())).ShouldBeNull();
        (await _app.WithDbAsync(db => db.AccountManagerChanges.CountAsync(c => c.BrandId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task StaffMembers_ListsOperatorsAndAdminsOnly_AndNothingForManagers()
    {
        var (_, _, owner) = await NewBrandAsync();

        var staff = await Operations.StaffMembersAsync(await _app.PrincipalAsync("ska@demo.test"));
        var forManager = await Operations.StaffMembersAsync(await _app.PrincipalAsync(owner));

        staff.Select(s => s.Email).Order().ShouldBe(["admin@demo.test", "ska@demo.test"]);
        forManager.ShouldBeEmpty();
    }

    [Fact]
    public async Task Timeline_UnionOfTheHistories_NewestFirstWithActors_AndStaffOnly()
    {
        var (_, id, owner) = await NewBrandAsync();
        var ownerId = await UserIdAsync(owner);
        var skaId = await UserIdAsync("ska@demo.test");
        var staff = await _app.PrincipalAsync("ska@demo.test");
        var t0 = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
        await _app.WithDbAsync(async db =>
        {
            db.ApplicationEvents.Add(new ApplicationEvent { BrandId = id, Action = ApplicationAction.Submit, From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ActorUserId = ownerId, CreatedAt = t0 });
            db.ApplicationEvents.Add(new ApplicationEvent { BrandId = id, Action = ApplicationAction.Approve, From = ApplicationStatus.UnderReview, To = ApplicationStatus.Approved, ActorUserId = skaId, CreatedAt = t0.AddDays(2), Reason = "Welcome" });
            var definition = await db.MilestoneDefinitions.FirstAsync();
            db.MilestoneAchievements.Add(new MilestoneAchievement { BrandId = id, MilestoneDefinitionId = definition.Id, AchievedOn = new DateOnly(2026, 10, 5), Value = 1, Period = "2026-10-05", CreatedAt = t0.AddDays(5) });
            var task = await db.PlaybookTasks.FirstAsync();
            db.BrandTasks.Add(new BrandTask { BrandId = id, PlaybookTaskId = task.Id, Status = BrandTaskStatus.Done, CompletedAt = t0.AddDays(6), CompletedByUserId = ownerId, CompletionSource = CompletionSource.Manual, UpdatedAt = t0.AddDays(6) });
            return await db.SaveChangesAsync();
        });
        _app.Clock.MoveTo(t0.AddDays(10));
        try
        {
            (await Operations.OverrideTierAsync(staff, id, GrowthTier.RampUp, "First order seen offline")).Succeeded.ShouldBeTrue();
            _app.Clock.MoveTo(t0.AddDays(11));
            (await Operations.AssignAccountManagerAsync(staff, id, skaId)).Succeeded.ShouldBeTrue();
        }
        finally
        {
            _app.Clock.Reset();
        }

        var timeline = _app.Services.GetRequiredService<BrandTimelineService>();
        var all = (await timeline.GetAsync(staff, id)).ShouldNotBeNull();
        var forOwner = await timeline.GetAsync(await _app.PrincipalAsync(owner), id);

        // From the audit trail only the brand's creation: the tier, the manager and the task done are the histories' (AuditTimelineTests).
        all.Where(e => e.Kind == TimelineKind.Audit).Select(e => e.Subject).ShouldBe(["Brand", "BrandMember"], ignoreOrder: true);
        var entries = all.Where(e => e.Kind != TimelineKind.Audit).ToList();
        entries.Select(e => (e.Kind, e.Action)).ShouldBe(
        [
            (TimelineKind.AccountManager, "Assigned"),
            (TimelineKind.Tier, "Override"),
            (TimelineKind.Task, "Manual"),
            (TimelineKind.Milestone, "Achieved"),
            (TimelineKind.Application, "Approve"),
            (TimelineKind.Application, "Submit"),
        ]);
        entries.ShouldBe(entries.OrderByDescending(e => e.At).ToList(), "newest first");
        entries[0].Subject.ShouldBe("SKA 运营 Zhao Min");
        entries[1].Subject.ShouldBe(nameof(GrowthTier.RampUp));
        entries[1].Detail.ShouldBe("First order seen offline");
        entries[1].Actor.ShouldBe("SKA 运营 Zhao Min");
        entries[4].Detail.ShouldBe("Welcome");
        entries[5].Actor.ShouldBe(owner);
        forOwner.ShouldBeNull();
    }
}

/// <summary>The Brand 360 page over HTTP (prerendered), for staff and for a brand's own manager.</summary>
public sealed class Brand360PageTests(OperationsFixture fixture) : IClassFixture<OperationsFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    [Fact]
    public async Task Brand360_ForStaff_ShowsTheBrand()
    {
        using var staff = new BrowserClient(_app);
        await staff.SignInAsync("ska@demo.test");

        var response = await staff.Http.GetAsync("/ops/brands/silver-moon?culture=en");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("银月 · Silver Moon");
        html.ShouldContain("data-testid=\"brand360-status\"");
        html.ShouldContain("Application: Submitted");
        html.ShouldContain("深圳银月珠宝有限公司");
        html.ShouldContain("data-testid=\"brand360-comments\"");
    }

    [Fact]
    public async Task Brand360_ForTheBrandsOwnManager_IsNotFound()
    {
        using var manager = new BrowserClient(_app);
        await manager.SignInAsync("brand@demo.test");

        var response = await manager.Http.GetAsync("/ops/brands/silver-moon");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Brand360_ForAnUnknownBrand_IsNotFoundForStaffToo()
    {
        using var staff = new BrowserClient(_app);
        await staff.SignInAsync("ska@demo.test");

        (await staff.Http.GetAsync("/ops/brands/no-such-brand")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApplicationQueue_LinksTheBrandNameToBrand360_AndKeepsAReviewLink()
    {
        using var staff = new BrowserClient(_app);
        await staff.SignInAsync("ska@demo.test");

        var html = await staff.Http.GetStringAsync("/ops/applications?culture=en");

        html.ShouldContain("href=\"/ops/brands/silver-moon\"");
        html.ShouldContain("href=\"/brands/silver-moon/application\"");
        html.ShouldContain("aria-label=\"Review 银月 · Silver Moon\"");
    }
}
