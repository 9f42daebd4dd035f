using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Operations;
using Portal.Core.Features.Streams;
using Portal.Core.Features.Tiers;
using Portal.Core.Features.TrustCard;
using Portal.IntegrationTests.Core.Features.Applications;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Operations;

/// <summary>
/// The audit trail on the Brand 360 timeline, through the real services on real SQLite. The web host
/// opens an audit scope for the signed-in person around every request and UI event; these tests open
/// the same scope around each service call.
/// </summary>
public sealed class AuditTimelineTests(OperationsFixture fixture) : IClassFixture<OperationsFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    private BrandTimelineService Timeline => _app.Services.GetRequiredService<BrandTimelineService>();

    private ApplicationProfileService Profiles => _app.Services.GetRequiredService<ApplicationProfileService>();

    private ApplicationWorkflowService Workflow => _app.Services.GetRequiredService<ApplicationWorkflowService>();

    private async Task<(string Code, Guid Id, string Owner, ClaimsPrincipal Manager)> NewBrandAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var owner = $"audit-{suffix}@example.com";
        var code = $"aud-{suffix}";
        var id = await TestBrands.CreateWithOwnerAsync(_app, code, owner, $"Audit {suffix}", "审计测试");
        return (code, id, owner, await _app.PrincipalAsync(owner));
    }

    private async Task<IReadOnlyList<TimelineEntry>> AuditEntriesAsync(Guid brandId) =>
        (await Timeline.GetAsync(await _app.PrincipalAsync("ska@demo.test"), brandId)).ShouldNotBeNull()
            .Where(e => e.Kind == TimelineKind.Audit).ToList();

    private Task<Guid> CategoryAsync(string code) => _app.WithDbAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    private static async Task<T> AsAsync<T>(ClaimsPrincipal user, Func<Task<T>> action)
    {
        using (AuditScope.Begin(user))
        {
            return await action();
        }
    }

    [Fact]
    public async Task ProfileEditByAMember_AppearsWithTheEditorAndOnlyTheFieldsThatChanged()
    {
        var (code, id, owner, manager) = await NewBrandAsync();
        var profile = ApplicationWorkflowTests.CompleteProfile(await CategoryAsync("food"));
        profile.TrademarkOwner = "Mountain Holdings";
        profile.AuthorizationChain = [new AuthorizationLink { Grantor = "Mountain Holdings", Grantee = profile.CompanyName! }];
        (await AsAsync(manager, () => Profiles.SaveProfileAsync(manager, code, profile))).Succeeded.ShouldBeTrue();

        // The same profile again with a new phone number: the chain is rebuilt from the form, but is the same.
        profile.ContactPhone = "+86 21 5555 0101";
        profile.AuthorizationChain = [new AuthorizationLink { Grantor = "Mountain Holdings", Grantee = profile.CompanyName! }];
        (await AsAsync(manager, () => Profiles.SaveProfileAsync(manager, code, profile))).Succeeded.ShouldBeTrue();

        var audit = await AuditEntriesAsync(id);

        var edits = audit.Where(e => e.Subject == nameof(Brand) && e.Action == nameof(AuditAction.Modified)).ToList();
        edits.Count.ShouldBe(2);
        edits[0].Detail.ShouldBe("ContactPhone");
        edits[0].Actor.ShouldBe(owner);
        edits[1].Detail!.Split(", ").ShouldBe(
            ["CompanyName", "ContactEmail", "ContactName", "ContactPhone", "NameEn", "NameZh", "StoreId", "TrademarkClass", "TrademarkNumber", "TrademarkOwner", "AuthorizationChain"],
            ignoreOrder: true);
        edits[1].Actor.ShouldBe(owner);
        audit.ShouldContain(e => e.Subject == nameof(BrandCategory) && e.Action == nameof(AuditAction.Added) && e.Actor == owner);
        audit.ShouldBe(audit.OrderByDescending(e => e.At).ToList(), "newest first");
    }

    [Fact]
    public async Task StagePlanEdit_ListsOnlyTheSectionThatChanged()
    {
        var (_, id, owner, manager) = await NewBrandAsync();
        var streams = _app.Services.GetRequiredService<StreamPlanService>();
        var created = await AsAsync(manager, () => streams.CreateAsync(manager, id, StreamsApp.CompletePlan(_app.Clock.GetUtcNow().AddDays(7))));
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors));
        var plan = (await streams.FindAsync(manager, id, created.Value)).ShouldNotBeNull().Plan;

        // The page sends every section back; only the gifts differ.
        plan.Gifts.Items.Add(new GiftItem { Kind = GiftKind.RedPacket, Description = "Red packets at 8 pm", Budget = 800m });
        (await AsAsync(manager, () => streams.SaveAsync(manager, id, plan))).Succeeded.ShouldBeTrue();

        var audit = await AuditEntriesAsync(id);

        var edit = audit.Single(e => e.Subject == nameof(StreamPlan) && e.Action == nameof(AuditAction.Modified));
        edit.Detail.ShouldBe(nameof(StreamPlan.Gifts));
        edit.Actor.ShouldBe(owner);
        audit.ShouldContain(e => e.Subject == nameof(StreamPlan) && e.Action == nameof(AuditAction.Added));
    }

    [Fact]
    public async Task Timeline_ShowsOnlyTheBrandsOwnChanges_AndNothingToItsMembers()
    {
        var (_, id, _, manager) = await NewBrandAsync();
        var (otherCode, otherId, _, otherManager) = await NewBrandAsync();
        var profile = ApplicationWorkflowTests.CompleteProfile(await CategoryAsync("food"));
        (await AsAsync(otherManager, () => Profiles.SaveProfileAsync(otherManager, otherCode, profile))).Succeeded.ShouldBeTrue();

        var audit = await AuditEntriesAsync(id);
        var otherAudit = await AuditEntriesAsync(otherId);

        // Only its own creation (by the test setup, so by the system: no actor).
        audit.Select(e => (e.Subject, e.Action, e.Actor)).ShouldBe(
            [(nameof(BrandMember), nameof(AuditAction.Added), null), (nameof(Brand), nameof(AuditAction.Added), null)],
            ignoreOrder: true);
        otherAudit.ShouldContain(e => e.Subject == nameof(Brand) && e.Action == nameof(AuditAction.Modified));
        (await Timeline.GetAsync(manager, id)).ShouldBeNull();
        (await Timeline.GetAsync(otherManager, otherId)).ShouldBeNull();
    }

    [Fact]
    public async Task ChangesThatADomainHistoryShows_AreNotRepeatedFromTheAuditTrail()
    {
        var (code, id, owner, manager) = await NewBrandAsync();
        var staff = await _app.PrincipalAsync("ska@demo.test");
        var skaId = BrandDirectory.UserId(staff)!.Value;
        var ownerId = BrandDirectory.UserId(manager)!.Value;
        var journey = _app.Services.GetRequiredService<JourneyService>();
        var tasks = await _app.WithDbAsync(db => db.PlaybookTasks.Where(t => t.IsActive).OrderBy(t => t.Code).Select(t => t.Code).Take(2).ToListAsync());

        var profile = ApplicationWorkflowTests.CompleteProfile(await CategoryAsync("food"));
        (await AsAsync(manager, () => Profiles.SaveProfileAsync(manager, code, profile))).Succeeded.ShouldBeTrue();
        (await AsAsync(manager, () => Workflow.ActAsync(manager, code, ApplicationAction.Submit))).Succeeded.ShouldBeTrue();
        (await AsAsync(staff, () => Workflow.ActAsync(staff, code, ApplicationAction.StartReview))).Succeeded.ShouldBeTrue();
        var approved = await AsAsync(staff, () => Workflow.ActAsync(staff, code, ApplicationAction.Approve, "Welcome"));
        approved.Succeeded.ShouldBeTrue(string.Join("; ", approved.Errors));
        (await AsAsync(staff, () => _app.Services.GetRequiredService<BrandOperationsService>().OverrideTierAsync(staff, id, GrowthTier.RampUp, "First order seen offline"))).Succeeded.ShouldBeTrue();
        (await AsAsync(staff, () => _app.Services.GetRequiredService<BrandOperationsService>().AssignAccountManagerAsync(staff, id, skaId))).Succeeded.ShouldBeTrue();
        (await AsAsync(manager, () => journey.SetTaskStatusAsync(id, tasks[0], BrandTaskStatus.Done, null, CompletionSource.Manual, ownerId))).Succeeded.ShouldBeTrue();
        (await AsAsync(manager, () => journey.SetTaskStatusAsync(id, tasks[1], BrandTaskStatus.InProgress, null, CompletionSource.Manual, ownerId))).Succeeded.ShouldBeTrue();
        (await AsAsync(manager, () => _app.Services.GetRequiredService<TrustCardService>().SaveAsync(manager, id, TrustTierDefaults.Basic))).Succeeded.ShouldBeTrue();

        var entries = (await Timeline.GetAsync(staff, id)).ShouldNotBeNull();

        // Every event once: the histories tell the application, tier, manager, task completion and trust card...
        entries.Where(e => e.Kind != TimelineKind.Audit).Select(e => (e.Kind, e.Action)).ShouldBe(
        [
            (TimelineKind.TrustCard, "Changed"),
            (TimelineKind.Task, "Manual"),
            (TimelineKind.AccountManager, "Assigned"),
            (TimelineKind.Tier, "Override"),
            (TimelineKind.Application, "Approve"),
            (TimelineKind.Application, "StartReview"),
            (TimelineKind.Application, "Submit"),
        ]);

        // ...and the audit trail only what none of them shows: the profile, its category, the task
        // started (not done), and the brand's creation.
        entries.Where(e => e.Kind == TimelineKind.Audit).Select(e => (e.Subject, e.Action, e.Actor)).ShouldBe(
        [
            (nameof(BrandTask), nameof(AuditAction.Added), owner),
            (nameof(BrandCategory), nameof(AuditAction.Added), owner),
            (nameof(Brand), nameof(AuditAction.Modified), owner),
            (nameof(BrandMember), nameof(AuditAction.Added), null),
            (nameof(Brand), nameof(AuditAction.Added), null),
        ], ignoreOrder: true);
    }
}
