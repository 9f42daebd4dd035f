using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;
using Portal.IntegrationTests.Core.Features.Documents;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// A served brand is not a blank cheque: with stream plans alone delegated, the provider's STEPS, CSV import and
/// document calls are refused and write nothing; and every stream-plan write on a brand it does not serve is refused.
/// </summary>
public sealed class DelegationAreaBoundaryTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    private static Stream Csv(string row) => new MemoryStream(Encoding.UTF8.GetBytes($"brand,date,gmv\n{row}\n"));

    [Fact]
    public async Task StreamPlansOnly_StepsCsvAndDocuments_RefusedAndNothingWritten()
    {
        var (code, id, owner) = await fixture.NewBrandAsync("area");
        await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.StreamPlans);
        var xiaoman = await fixture.App.UserIdAsync(DemoData.SmallProviderManagerEmail);
        // The delegation runs: its own area works, so every refusal below is the area's doing.
        (await fixture.Service<StreamPlanService>().CreateAsync(fixture.Provider2, id, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(2)))).Errors.ShouldBeEmpty();
        var task = JourneyTestApp.Codes(StepsArea.Traffic)[0];
        var documentsBefore = await fixture.App.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == id));

        var step = await fixture.Service<JourneyService>().SetTaskStatusAsync(id, task, BrandTaskStatus.Done, null, CompletionSource.Manual, xiaoman);
        var import = await fixture.Service<MetricsCsvImport>().ImportAsync(fixture.Provider2, Csv($"{code},2026-07-01,10"), id);
        var upload = await fixture.Service<DocumentFileService>().UploadAsync(fixture.Provider2, code, DocumentsAppFixture.Trademark(), new MemoryStream(TestFiles.UniquePng("xiaoman")));

        step.Succeeded.ShouldBeFalse();
        (await fixture.App.RowAsync(id, task))?.CompletedByUserId.ShouldNotBe(xiaoman);
        (await fixture.Service<JourneyService>().GetBoardAsync(fixture.Provider2, code)).ShouldBeNull();
        import.Succeeded.ShouldBeFalse();
        (await fixture.App.WithDbAsync(db => db.DailyMetrics.CountAsync(m => m.BrandId == id))).ShouldBe(0);
        upload.Succeeded.ShouldBeFalse();
        (await fixture.Service<DocumentChecklistService>().ChecklistAsync(fixture.Provider2, code)).ShouldBeNull();
        (await fixture.App.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == id))).ShouldBe(documentsBefore);
    }

    [Fact]
    public async Task StreamPlanWrites_OnABrandNotServed_RefusedAndThePlanUnchanged()
    {
        var streams = fixture.Service<StreamPlanService>();
        var moonOwner = await fixture.App.WithDbAsync(db => db.BrandMembers.Where(m => m.BrandId == fixture.SilverMoonId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, u.Email }).OrderBy(x => x.Role).Select(x => x.Email!).FirstAsync());
        var created = await streams.CreateAsync(await fixture.App.PrincipalAsync(moonOwner), fixture.SilverMoonId, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(3), "Silver Moon's own"));
        created.Errors.ShouldBeEmpty();
        var before = await PlanAsync(created.Value);
        var edited = StreamsApp.EmptyPlan(before.StartAt, "Taken over");
        edited.Id = created.Value;

        var saved = await streams.SaveAsync(fixture.Provider, fixture.SilverMoonId, edited);
        var cancelled = await streams.ApplyAsync(fixture.Provider, fixture.SilverMoonId, created.Value, StreamAction.Cancel);
        var results = await streams.RecordResultsAsync(fixture.Provider, fixture.SilverMoonId, created.Value, new StreamResults { Gmv = 1_000m, Orders = 10, ActualMinutes = 60 });

        saved.Succeeded.ShouldBeFalse();
        cancelled.Succeeded.ShouldBeFalse();
        results.Succeeded.ShouldBeFalse();
        var after = await PlanAsync(created.Value);
        after.Title.ShouldBe("Silver Moon's own");
        after.Status.ShouldBe(before.Status);
        after.Results.ShouldBeNull();
        after.UpdatedAt.ShouldBe(before.UpdatedAt);
    }

    private Task<StreamPlan> PlanAsync(Guid id) => fixture.App.WithDbAsync(db => db.StreamPlans.AsNoTracking().SingleAsync(p => p.Id == id));
}
