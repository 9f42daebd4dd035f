using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Journey;
using Portal.IntegrationTests.Core.Features.Portfolio;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Journey;

/// <summary>
/// Tasks completed by milestones in one statement (<see cref="JourneyService.CompleteFromMilestonesAsync"/>), the
/// metrics evaluation's set-based path, the same on both engines.
/// </summary>
public abstract class JourneyMilestoneCompletionScenarios
{
    protected abstract PortalAppFactory App();

    [EngineFact]
    public async Task CompleteFromMilestones_MarksOpenTasksDoneOnce_KeepsManualOnes_SkipsUnknownCodes_AndQueuesTheBrand()
    {
        await using var app = App();
        var brandId = await TestBrands.CreateWithOwnerAsync(app, "milestone-brand", "milestone-owner@example.test");
        var ownerId = await app.UserIdAsync("milestone-owner@example.test");
        var byMilestone = JourneyTestApp.Codes(StepsArea.Distribution)[0];
        const string byHand = "e-set-commission";
        byMilestone.ShouldNotBe(byHand);
        (await app.Journey().SetTaskStatusAsync(brandId, byHand, BrandTaskStatus.Done, null, CompletionSource.Manual, ownerId)).Succeeded.ShouldBeTrue();
        await PortfolioRefreshQueueScenarios.RunJobAsync(app);
        var progress = (await PortfolioRefreshQueueScenarios.RowAsync(app, "milestone-brand")).Progress[0];
        var now = app.Clock.GetUtcNow();

        // The same pair twice (two milestones naming one task), a task done by hand, a code nobody knows.
        var changed = await app.Journey().CompleteFromMilestonesAsync([(brandId, byMilestone), (brandId, byMilestone), (brandId, byHand), (brandId, "no-such-task")]);

        changed.ShouldBe(1);
        var done = (await app.RowAsync(brandId, byMilestone)).ShouldNotBeNull();
        done.Status.ShouldBe(BrandTaskStatus.Done);
        done.CompletionSource.ShouldBe(CompletionSource.Milestone);
        done.CompletedByUserId.ShouldBeNull();
        done.CompletedAt.ShouldNotBeNull().ShouldBeInRange(now.AddMilliseconds(-1), app.Clock.GetUtcNow(), "stamped by the app's clock");
        var manual = (await app.RowAsync(brandId, byHand)).ShouldNotBeNull();
        manual.CompletionSource.ShouldBe(CompletionSource.Manual);
        manual.CompletedByUserId.ShouldBe(ownerId);
        (await app.WithDbAsync(db => db.PendingPortfolioRefreshes.Where(p => p.BrandId == brandId).CountAsync())).ShouldBeGreaterThan(0, "the row's progress must follow");

        (await app.Journey().CompleteFromMilestonesAsync([(brandId, byMilestone)])).ShouldBe(0, "a task already done stays as it was");
        await PortfolioRefreshQueueScenarios.RunJobAsync(app);
        (await PortfolioRefreshQueueScenarios.RowAsync(app, "milestone-brand")).Progress[0].ShouldBeGreaterThan(progress);
    }
}

/// <summary>Milestone completion on SQLite.</summary>
// The SQLite instance of the scenarios: its PostgreSQL twin runs them there, so the both-engines run skips this class.
[Trait("Engine", "Sqlite")]
public sealed class JourneyMilestoneCompletionTests : JourneyMilestoneCompletionScenarios
{
    protected override PortalAppFactory App() => new(settings: JourneyTestApp.NoJobs);
}

/// <summary>Milestone completion on PostgreSQL.</summary>
[Trait("Kind", "Postgres")]
public sealed class JourneyMilestoneCompletionPostgresTests : JourneyMilestoneCompletionScenarios
{
    protected override PortalAppFactory App() => PortalAppFactory.OnPostgres(settings: JourneyTestApp.NoJobs);
}
