using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Operations;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Core.Features.Documents;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// The provider a person acted for is stored with the work when it is done (ADR 0032): imports and uploads reach the
/// audit trail with it, a brand's own member is never stamped, and history keeps it after the person leaves.
/// </summary>
public sealed class ActingProviderTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    private static Stream Csv(params string[] rows) => new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend("brand,date,gmv")) + "\n"));

    private static async Task<T> AsAsync<T>(ClaimsPrincipal user, Func<Task<T>> work)
    {
        using (AuditScope.Begin(user))
        {
            return await work();
        }
    }

    [Fact]
    public async Task MetricsImport_ByAProvidersPerson_LeavesOneAuditedRecordWithTheProvider_OnTheBrandTimeline()
    {
        var import = fixture.Service<MetricsCsvImport>();
        var managerId = await fixture.App.UserIdAsync(DemoData.ProviderManagerEmail);

        var outcome = await AsAsync(fixture.Provider, () => import.ImportAsync(fixture.Provider, Csv("demo-tea,2026-06-01,10", "DEMO-TEA,2026-06-03,12"), fixture.DemoTeaId));

        outcome.Errors.ShouldBeEmpty();
        var record = await fixture.App.WithDbAsync(db => db.MetricsImportRecords.AsNoTracking().SingleAsync(r => r.BrandId == fixture.DemoTeaId && r.ImportedByUserId == managerId));
        (record.Rows, record.FirstDate, record.LastDate, record.ImportedByProviderId).ShouldBe((2, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 3), (Guid?)fixture.FarsailId));
        var entry = await fixture.App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == nameof(MetricsImportRecord) && e.EntityKey == record.Id.ToString()));
        (entry.BrandId, entry.ActorUserId, entry.ActorProviderId, entry.Action).ShouldBe(((Guid?)fixture.DemoTeaId, (Guid?)managerId, (Guid?)fixture.FarsailId, AuditAction.Added));
        var timeline = (await fixture.Service<BrandTimelineService>().GetAsync(fixture.Staff, fixture.DemoTeaId)).ShouldNotBeNull();
        timeline.Count(e => e.Kind == TimelineKind.Audit && e.Subject == nameof(MetricsImportRecord) && e.ActorProviderId == fixture.FarsailId).ShouldBe(1);
    }

    [Fact]
    public async Task Upload_ByAProvidersPersonUnderADocumentsDelegation_IsAuditedWithTheProvider_TheOwnersUploadIsNot()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("upl");
        await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.Documents);
        var files = fixture.Service<DocumentFileService>();

        var byProvider = await AsAsync(fixture.Provider2, () => files.UploadAsync(fixture.Provider2, code, DocumentsAppFixture.Trademark(), new MemoryStream(TestFiles.UniquePng("xiaoman"))));
        var byOwner = await AsAsync(owner, () => files.UploadAsync(owner, code, DocumentsAppFixture.Trademark(), new MemoryStream(TestFiles.UniquePng("owner"))));

        byProvider.Errors.ShouldBeEmpty();
        byOwner.Errors.ShouldBeEmpty();
        (await fixture.App.WithDbAsync(db => db.Documents.Where(d => d.Id == byProvider.Value).Select(d => d.UploadedByProviderId).SingleAsync())).ShouldBe(fixture.XiaomanId);
        (await fixture.App.WithDbAsync(db => db.Documents.Where(d => d.Id == byOwner.Value).Select(d => d.UploadedByProviderId).SingleAsync())).ShouldBeNull();
        var entries = await fixture.App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.BrandId == brandId && e.EntityType == nameof(Document) && e.Action == AuditAction.Added).ToListAsync());
        entries.Single(e => e.EntityKey == byProvider.Value.ToString()).ActorProviderId.ShouldBe(fixture.XiaomanId);
        entries.Single(e => e.EntityKey == byOwner.Value.ToString()).ActorProviderId.ShouldBeNull();
        var timeline = (await fixture.Service<BrandTimelineService>().GetAsync(fixture.Staff, brandId)).ShouldNotBeNull();
        timeline.Where(e => e.Kind == TimelineKind.Document && e.Action == nameof(DocumentAction.Uploaded)).Select(e => e.ActorProviderId)
            .ShouldBe([fixture.XiaomanId, null], ignoreOrder: true);
        timeline.ShouldNotContain(e => e.Kind == TimelineKind.Audit && e.Subject == nameof(Document), "the document history tells the upload");
    }

    [Fact]
    public async Task ChangeByAProvidersPersonWhoIsTheBrandsMember_IsNotStampedWithTheProvider()
    {
        var (code, brandId, _) = await fixture.NewBrandAsync("mem");
        var managerId = await fixture.App.UserIdAsync(DemoData.ProviderManagerEmail);
        await fixture.App.WithDbAsync(db =>
        {
            db.BrandMembers.Add(new BrandMember { BrandId = brandId, UserId = managerId, Role = BrandMemberRole.Member });
            return db.SaveChangesAsync();
        });

        var commentId = await AsAsync(fixture.Provider, () => fixture.App.WithDbAsync(async db =>
        {
            var comment = new BrandComment { BrandId = brandId, AuthorUserId = managerId, Body = $"as a member {code}" };
            db.BrandComments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        }));
        var plan = await AsAsync(fixture.Provider, () => fixture.Service<StreamPlanService>().CreateAsync(fixture.Provider, brandId, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(2), "As a member")));

        (await fixture.App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityKey == commentId.ToString()))).ActorProviderId.ShouldBeNull();
        plan.Errors.ShouldBeEmpty();
        (await fixture.App.WithDbAsync(db => db.StreamPlans.Where(p => p.Id == plan.Value).Select(p => p.CreatedByProviderId).SingleAsync())).ShouldBeNull();
        (await fixture.App.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityKey == plan.Value.ToString()))).ActorProviderId.ShouldBeNull();
    }

    [Fact]
    public async Task WorkOfAPersonWhoLeftTheProvider_IsStillNamedAndCreditedForIt()
    {
        var operatorEmail = DemoData.ProviderOperatorEmail;
        var operatorId = await fixture.App.UserIdAsync(operatorEmail);
        var worker = await fixture.App.PrincipalAsync(operatorEmail);
        var before = (await fixture.Service<ProviderScorecardService>().GetAsync(fixture.Staff, DemoData.ProviderCode)).Value!;
        var code = JourneyTestApp.Codes(StepsArea.Traffic)[1];

        var plan = await AsAsync(worker, () => fixture.Service<StreamPlanService>().CreateAsync(worker, fixture.DemoTeaId, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(6), "Before leaving")));
        var done = await AsAsync(worker, () => fixture.Service<JourneyService>().SetTaskStatusAsync(fixture.DemoTeaId, code, BrandTaskStatus.Done, null, CompletionSource.Manual, operatorId));
        plan.Errors.ShouldBeEmpty();
        done.Errors.ShouldBeEmpty();
        await fixture.App.WithDbAsync(db => db.ProviderMembers.Where(m => m.UserId == operatorId).ExecuteDeleteAsync());

        using (PortalCultures.Use("en"))
        {
            (await fixture.Service<StreamPlanService>().FindAsync(fixture.Owner, fixture.DemoTeaId, plan.Value)).ShouldNotBeNull().PlannedBy.ShouldBe("远帆 主播运营 He Jia · Farsail Operations");
            var board = (await fixture.Service<JourneyService>().GetBoardAsync(fixture.Owner, "demo-tea")).ShouldNotBeNull();
            board.Areas.SelectMany(a => a.Tasks).Single(t => t.Code == code).CompletedByName.ShouldBe("远帆 主播运营 He Jia · Farsail Operations");
        }

        var timeline = (await fixture.Service<BrandTimelineService>().GetAsync(fixture.Staff, fixture.DemoTeaId)).ShouldNotBeNull();
        timeline.First(e => e.Kind == TimelineKind.Task && e.ActorUserId == operatorId).ActorProviderId.ShouldBe(fixture.FarsailId);
        timeline.First(e => e.Kind == TimelineKind.Audit && e.Subject == nameof(StreamPlan) && e.ActorUserId == operatorId).ActorProviderId.ShouldBe(fixture.FarsailId);
        var after = (await fixture.Service<ProviderScorecardService>().GetAsync(fixture.Staff, DemoData.ProviderCode)).Value!;
        (after.TasksCompleted, after.StreamsPlanned).ShouldBe((before.TasksCompleted + 1, before.StreamsPlanned + 1));
    }
}
