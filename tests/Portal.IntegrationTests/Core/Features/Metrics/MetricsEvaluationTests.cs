using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core;
using Portal.Core.Localization;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Core.Features.Metrics.MetricsTestApp;

namespace Portal.IntegrationTests.Core.Features.Metrics;

/// <summary>
/// Milestones, tasks and tiers evaluated from stored figures, on each engine (<see cref="MetricsEvaluationOnSqliteTests"/>,
/// <see cref="MetricsEvaluationOnPostgresTests"/>); runs twice give the same records.
/// </summary>
public abstract class MetricsEvaluationTests(PortalAppFactory app)
{
    private protected readonly PortalAppFactory _app = app;

    private Task<List<(string Code, DateOnly On, decimal Value, string Period)>> MilestonesAsync(Guid brandId) =>
        _app.WithDbAsync(async db => (await db.MilestoneAchievements.AsNoTracking()
                .Where(a => a.BrandId == brandId)
                .Join(db.MilestoneDefinitions, a => a.MilestoneDefinitionId, d => d.Id, (a, d) => new { d.Code, a.AchievedOn, a.Value, a.Period })
                .ToListAsync())
            .OrderBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => (x.Code, x.AchievedOn, x.Value, x.Period))
            .ToList());

    private async Task<(string, DateOnly, decimal, string)?> MilestoneAsync(Guid brandId, string code) =>
        (await MilestonesAsync(brandId)).Where(m => m.Code == code).Select(m => ((string, DateOnly, decimal, string)?)m).SingleOrDefault();

    private async Task EvaluateAsync(Guid brandId) => await _app.Evaluation().EvaluateAsync([brandId]);

    [EngineFact]
    public async Task Maximum_ReachedOnADay_IsRecordedOnceWithThatDayAndCompletesItsTaskAsMilestone()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Influencers = 9 }, Row(code, "2026-08-02") with { Influencers = 10 }, Row(code, "2026-08-03") with { Influencers = 12 });

        await EvaluateAsync(id);
        await EvaluateAsync(id);

        (await MilestoneAsync(id, "e-10-influencers")).ShouldBe(("e-10-influencers", new DateOnly(2026, 8, 2), 10m, "2026-08-02"));
        var task = (await _app.RowAsync(id, "e-first-influencers")).ShouldNotBeNull();
        task.Status.ShouldBe(BrandTaskStatus.Done);
        task.CompletionSource.ShouldBe(CompletionSource.Milestone);
        task.CompletedByUserId.ShouldBeNull();
        (await _app.WithDbAsync(db => db.MilestoneAchievements.CountAsync(a => a.BrandId == id && a.TasksCompletedAt != null))).ShouldBe(1);
    }

    [EngineFact]
    public async Task Evaluate_WithMoreBrandIdsThanSqliteHasVariables_StillRecordsTheMilestone()
    {
        // The nightly recompute and a large import hand over tens of thousands of ids; SQLite allows 32,766 variables.
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Influencers = 12 });
        var ids = Enumerable.Range(0, 40_000).Select(_ => Guid.NewGuid()).Append(id).ToList();

        await _app.Evaluation().EvaluateAsync(ids);

        (await MilestoneAsync(id, "e-10-influencers")).ShouldNotBeNull();
        (await _app.RowAsync(id, "e-first-influencers"))!.CompletionSource.ShouldBe(CompletionSource.Milestone);
    }

    [EngineFact]
    public async Task MonthlySum_SplitAcrossAMonthEnd_IsNotReachedUntilOneMonthHoldsIt()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-07-31") with { DistributionGmv = 60_000m }, Row(code, "2026-08-01") with { DistributionGmv = 50_000m });

        await EvaluateAsync(id);
        (await MilestoneAsync(id, "e-distribution-100k-month")).ShouldBeNull();

        await _app.IngestOkAsync(Row(code, "2026-07-30") with { DistributionGmv = 40_000m });
        await EvaluateAsync(id);

        (await MilestoneAsync(id, "e-distribution-100k-month")).ShouldBe(("e-distribution-100k-month", new DateOnly(2026, 7, 31), 100_000m, "2026-07"));
    }

    [EngineFact]
    public async Task DaysWithValue_CountsOnlyDaysAboveZero_AndIsReachedOnTheTenthDay()
    {
        var (code, id) = await _app.NewBrandAsync();
        var start = new DateOnly(2026, 8, 1);
        var rows = Enumerable.Range(0, 12).Select(d => Row(code, start.AddDays(d).ToString("yyyy-MM-dd")) with { Streams = d == 3 ? 0 : 1 }).ToArray();
        await _app.IngestOkAsync(rows);

        await EvaluateAsync(id);

        (await MilestoneAsync(id, "s-first-stream")).ShouldBe(("s-first-stream", new DateOnly(2026, 8, 1), 1m, "2026-08-01"));
        (await MilestoneAsync(id, "s-10-streams")).ShouldBe(("s-10-streams", new DateOnly(2026, 8, 11), 10m, "2026-08-11"));
        (await _app.RowAsync(id, "s-ten-streams"))!.CompletionSource.ShouldBe(CompletionSource.Milestone);
    }

    [EngineFact]
    public async Task Latest_OnlyTheMostRecentValueCounts()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { RepurchaseRate = 0.35m }, Row(code, "2026-08-02") with { RepurchaseRate = 0.25m });

        await EvaluateAsync(id);
        (await MilestoneAsync(id, "p-repurchase-30")).ShouldBeNull();

        await _app.IngestOkAsync(Row(code, "2026-08-03") with { RepurchaseRate = 0.3m });
        await EvaluateAsync(id);

        (await MilestoneAsync(id, "p-repurchase-30")).ShouldBe(("p-repurchase-30", new DateOnly(2026, 8, 3), 0.3m, "2026-08-03"));
    }

    [EngineFact]
    public async Task AdRoi_IsTheMonthsAdGmvOverItsSpend()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(
            Row(code, "2026-07-01") with { AdSpend = 1000m, AdGmv = 5000m },
            Row(code, "2026-07-02") with { AdSpend = 3000m, AdGmv = 1000m },
            Row(code, "2026-08-01") with { AdSpend = 1000m, AdGmv = 2000m });

        await EvaluateAsync(id);

        (await MilestoneAsync(id, "t-first-ad-spend")).ShouldBe(("t-first-ad-spend", new DateOnly(2026, 7, 1), 1m, "2026-07-01"));
        (await MilestoneAsync(id, "t-roi-2-month")).ShouldBe(("t-roi-2-month", new DateOnly(2026, 8, 1), 2m, "2026-08"));
    }

    [EngineFact]
    public async Task SelfStreamGmv_IsGmvLessDistribution()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(
            Row(code, "2026-08-01") with { Gmv = 150_000m, DistributionGmv = 60_000m },
            Row(code, "2026-08-02") with { Gmv = 100_000m });

        await EvaluateAsync(id);

        (await MilestoneAsync(id, "s-day-stream-gmv-100k")).ShouldBe(("s-day-stream-gmv-100k", new DateOnly(2026, 8, 2), 100_000m, "2026-08-02"));
    }

    [EngineFact]
    public async Task Tiers_FromMonthlyGmv_AreRecordedWithTheirExplanationOnce()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(
            Row(code, "2026-06-03") with { Gmv = 500m, PaidOrders = 3 },
            Row(code, "2026-07-15") with { Gmv = 12_000_000m },
            Row(code, "2026-07-31") with { Gmv = 300_000m },
            Row(code, "2026-09-01") with { Gmv = 20_000_000m });
        var versionBefore = await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.Version).SingleAsync());

        await EvaluateAsync(id);
        await EvaluateAsync(id);

        var path = await _app.Growth().GetAsync(id);
        path.Current.ShouldBe(GrowthTier.Ska);
        // The move bumped the brand's version, so an override read before it is refused at its save and reads again.
        (await _app.WithDbAsync(db => db.Brands.Where(b => b.Id == id).Select(b => b.Version).SingleAsync())).ShouldBeGreaterThan(versionBefore);
        path.History.Select(h => (h.To, h.EffectiveFrom, h.Source)).ShouldBe(
        [
            (GrowthTier.Ska, new DateOnly(2026, 8, 1), TierChangeSource.Metrics),
            (GrowthTier.RampUp, new DateOnly(2026, 6, 3), TierChangeSource.Metrics),
        ]);
        using (PortalCultures.Use(PortalCultures.English))
        {
            (await _app.Growth().GetAsync(id)).History[0].Explanation.ShouldBe("SKA since 2026-08: GMV ¥12.3M in 2026-07");
        }
    }

    [EngineFact]
    public async Task TierChange_StoredOnce_ReadsInEachReadersLanguageAndUnits()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-07-15") with { Gmv = 12_345_678m, PaidOrders = 5 });
        await EvaluateAsync(id);

        async Task<string> LatestAsync(string culture)
        {
            using var _ = PortalCultures.Use(culture);
            return (await _app.Growth().GetAsync(id)).History[0].Explanation;
        }

        (await LatestAsync(PortalCultures.English)).ShouldBe("SKA since 2026-08: GMV ¥12.3M in 2026-07");
        (await LatestAsync(PortalCultures.Chinese)).ShouldBe("2026-08 起为 SKA：2026-07 GMV ¥1,234.6万");
        var stored = await _app.WithDbAsync(db => db.Set<TierChange>().AsNoTracking().Where(c => c.BrandId == id && c.To == GrowthTier.Ska).SingleAsync());
        (stored.Reason, stored.ProofMonth, stored.Gmv).ShouldBe((TierChangeReason.Promotion, new DateOnly(2026, 7, 1), 12_345_678m));
    }

    [EngineFact]
    public async Task Tiers_TwoMonthsBelow_DemoteWithAnExplanation()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(
            Row(code, "2026-05-10") with { Gmv = 2_000_000m, PaidOrders = 10 },
            Row(code, "2026-06-10") with { Gmv = 100_000m },
            Row(code, "2026-07-10") with { Gmv = 200_000m });

        await EvaluateAsync(id);

        var path = await _app.Growth().GetAsync(id);
        path.Current.ShouldBe(GrowthTier.RampUp);
        path.History[0].EffectiveFrom.ShouldBe(new DateOnly(2026, 8, 1));
        using var english = PortalCultures.Use(PortalCultures.English);
        (await _app.Growth().GetAsync(id)).History[0].Explanation.ShouldBe("Ramp-up since 2026-08: GMV below ¥1M for 2 months (¥200K in 2026-07)");
    }

    [EngineFact]
    public async Task EvaluateAll_RunTwice_GivesTheSameRecords()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-07-01") with { Gmv = 1_500_000m, Streams = 1, Fans = 20_000, ExclusiveSkus = 1 });

        await _app.Evaluation().EvaluateAllAsync();
        var milestones = await MilestonesAsync(id);
        var changes = await _app.WithDbAsync(db => db.Set<TierChange>().CountAsync(c => c.BrandId == id));
        var tasks = await _app.WithDbAsync(db => db.BrandTasks.AsNoTracking().Where(t => t.BrandId == id).Select(t => new { t.PlaybookTaskId, t.CompletedAt }).ToListAsync());
        var second = await _app.Evaluation().EvaluateAllAsync();

        (await MilestonesAsync(id)).ShouldBe(milestones);
        milestones.Select(m => m.Code).ShouldBe(["p-10k-fans", "s-day-stream-gmv-100k", "s-first-stream", "s-self-stream-1m-month", "x-first-exclusive-sku"]);
        (await _app.WithDbAsync(db => db.Set<TierChange>().CountAsync(c => c.BrandId == id))).ShouldBe(changes);
        changes.ShouldBe(2);
        (await _app.WithDbAsync(db => db.BrandTasks.AsNoTracking().Where(t => t.BrandId == id).Select(t => new { t.PlaybookTaskId, t.CompletedAt }).ToListAsync())).ShouldBe(tasks);
        second.Milestones.ShouldBe(0);
        second.TierChanges.ShouldBe(0);
    }

    [EngineFact]
    public async Task EvaluatePending_EvaluatesQueuedBrandsAndClearsThem()
    {
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Streams = 2 });

        await _app.Evaluation().EvaluatePendingAsync();

        (await MilestoneAsync(id, "s-first-stream")).ShouldNotBeNull();
        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.AnyAsync(p => p.BrandId == id))).ShouldBeFalse();
    }

    [EngineFact]
    public async Task EvaluatePending_AfterABackfillOfAnEarlierMonth_SummarisesThatMonthAgain()
    {
        // The summary is rebuilt from the earliest touched day's month: a late July file after August was evaluated.
        var (code, id) = await _app.NewBrandAsync();
        await _app.IngestOkAsync(Row(code, "2026-08-05") with { DistributionGmv = 10_000m }, Row(code, "2026-07-10") with { DistributionGmv = 70_000m });
        await _app.Evaluation().EvaluatePendingAsync();
        (await MilestoneAsync(id, "e-distribution-100k-month")).ShouldBeNull();

        await _app.IngestOkAsync(Row(code, "2026-07-20") with { DistributionGmv = 30_000m });
        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.SingleAsync(p => p.BrandId == id))).FromDate.ShouldBe(new DateOnly(2026, 7, 20));
        await _app.Evaluation().EvaluatePendingAsync();

        (await MilestoneAsync(id, "e-distribution-100k-month")).ShouldBe(("e-distribution-100k-month", new DateOnly(2026, 7, 20), 100_000m, "2026-07"));
        var months = await _app.WithDbAsync(db => db.MetricMonths.AsNoTracking().Where(m => m.BrandId == id).OrderBy(m => m.Month).Select(m => m.Month).ToListAsync());
        months.ShouldBe(["2026-07", "2026-08"]);
    }

    [EngineFact]
    public async Task EvaluateAll_FiguresWrittenAroundTheService_AreSummarisedAndEvaluated()
    {
        // Nothing queued them (a bulk load, a restored backup): the nightly run still finds them.
        var (_, id) = await _app.NewBrandAsync();
        await _app.WithDbAsync(async db =>
        {
            db.DailyMetrics.Add(new DailyMetric { BrandId = id, Date = new DateOnly(2026, 8, 3), Influencers = 11 });
            return await db.SaveChangesAsync();
        });

        await _app.Evaluation().EvaluateAllAsync();

        (await MilestoneAsync(id, "e-10-influencers")).ShouldBe(("e-10-influencers", new DateOnly(2026, 8, 3), 11m, "2026-08-03"));
        (await _app.RowAsync(id, "e-first-influencers"))!.CompletionSource.ShouldBe(CompletionSource.Milestone);
    }

    [EngineFact]
    public async Task Milestone_ForATaskAlreadyDoneByHand_KeepsWhoDidIt()
    {
        var (code, id) = await _app.NewBrandAsync();
        var done = new DateTimeOffset(2026, 8, 1, 8, 30, 0, TimeSpan.Zero);
        await _app.WithDbAsync(async db =>
        {
            var task = await db.PlaybookTasks.SingleAsync(t => t.Code == "e-first-influencers");
            db.BrandTasks.Add(new BrandTask { BrandId = id, PlaybookTaskId = task.Id, Status = BrandTaskStatus.Done, CompletionSource = CompletionSource.Manual, CompletedAt = done });
            return await db.SaveChangesAsync();
        });
        await _app.IngestOkAsync(Row(code, "2026-08-01") with { Influencers = 15 });

        var summary = await _app.Evaluation().EvaluatePendingAsync();

        summary.Milestones.ShouldBeGreaterThanOrEqualTo(1);
        var row = (await _app.RowAsync(id, "e-first-influencers")).ShouldNotBeNull();
        row.CompletionSource.ShouldBe(CompletionSource.Manual);
        row.CompletedAt.ShouldBe(done);
    }
}
