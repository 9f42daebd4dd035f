using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.Core.Time;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Journey;

/// <summary>The STEPS board's rules on real SQLite: the next step, progress, completion and who may change tasks.</summary>
public sealed class JourneyServiceTests : IAsyncLifetime
{
    private const string OwnerEmail = "fresh@example.com";
    private readonly PortalAppFactory _app = new(settings: JourneyTestApp.NoJobs);
    private Guid _brandId;
    private Guid _ownerId;

    public async Task InitializeAsync()
    {
        // A brand of its own, untouched by the demo data.
        _brandId = await TestBrands.CreateWithOwnerAsync(_app, "fresh-brand", OwnerEmail, "Fresh Brand", "新品牌");
        _ownerId = await _app.UserIdAsync(OwnerEmail);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private JourneyService Journey => _app.Journey();

    private async Task SetAsync(string code, BrandTaskStatus status, TaskEvidence? evidence = null)
    {
        var result = await Journey.SetTaskStatusAsync(_brandId, code, status, evidence, CompletionSource.Manual, _ownerId);
        result.Errors.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
    }

    private async Task<JourneyBoard> BoardAsync() =>
        (await Journey.GetBoardAsync(await _app.PrincipalAsync(OwnerEmail), "fresh-brand")).ShouldNotBeNull();

    [Fact]
    public async Task FirstStatusOfATask_SavedByManyAtOnce_AllSucceed_AndTheBrandHasOneRowForIt()
    {
        // Two people (or tabs) moving a task nobody has touched yet: each finds no row and adds one; the unique index
        // lets one in, and the other used to fail its save (the journey page's circuit then ended).
        var statuses = new[] { BrandTaskStatus.InProgress, BrandTaskStatus.Done };
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            Journey.SetTaskStatusAsync(_brandId, "e-list-hero-products", statuses[i % 2], null, CompletionSource.Manual, _ownerId))));

        results.ShouldAllBe(r => r.Succeeded);
        var rows = await _app.WithDbAsync(async db =>
        {
            var task = await db.PlaybookTasks.SingleAsync(t => t.Code == "e-list-hero-products");
            return await db.BrandTasks.CountAsync(t => t.BrandId == _brandId && t.PlaybookTaskId == task.Id);
        });
        rows.ShouldBe(1);
    }

    [Fact]
    public async Task NextStep_WhenNothingIsDone_IsTheFirstDistributionTask()
    {
        var board = await BoardAsync();

        board.Areas.Select(a => a.Area).ShouldBe([StepsArea.Distribution, StepsArea.Traffic, StepsArea.SelfStreaming, StepsArea.PrivateDomain, StepsArea.Exclusive]);
        var next = board.Next.ShouldNotBeNull();
        next.Area.ShouldBe(StepsArea.Distribution);
        next.Task.Code.ShouldBe("e-list-hero-products");
        next.Task.Title(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("把主推商品加入分销库");
    }

    [Fact]
    public async Task NextStep_WhenDistributionIsDone_IsTheFirstOpenTrafficTask()
    {
        foreach (var code in JourneyTestApp.Codes(StepsArea.Distribution))
        {
            await SetAsync(code, BrandTaskStatus.Done);
        }

        await SetAsync("t-first-promotion", BrandTaskStatus.Done);

        var next = (await BoardAsync()).Next.ShouldNotBeNull();
        next.Area.ShouldBe(StepsArea.Traffic);
        next.Task.Code.ShouldBe("t-store-feed");
    }

    [Fact]
    public async Task NextStep_WhenOneDistributionTaskIsStillInProgress_IsThatTask()
    {
        foreach (var code in JourneyTestApp.Codes(StepsArea.Distribution))
        {
            await SetAsync(code, BrandTaskStatus.Done);
        }

        await SetAsync("e-first-influencers", BrandTaskStatus.InProgress);

        var next = (await BoardAsync()).Next.ShouldNotBeNull();
        next.Area.ShouldBe(StepsArea.Distribution);
        next.Task.Code.ShouldBe("e-first-influencers");
        next.Task.Status.ShouldBe(BrandTaskStatus.InProgress);
    }

    [Fact]
    public async Task NextStep_WhenEverythingIsDone_IsNone()
    {
        foreach (var task in JourneyPlaybook.Defaults())
        {
            await SetAsync(task.Code, BrandTaskStatus.Done);
        }

        var board = await BoardAsync();

        board.Next.ShouldBeNull();
        board.IsComplete.ShouldBeTrue();
        board.Done.ShouldBe(board.Total);
        board.Areas.ShouldAllBe(a => a.IsComplete);
    }

    [Fact]
    public async Task SetTaskStatus_InALaterAreaBeforeDistribution_IsAllowedAndCounted()
    {
        await SetAsync("p-fan-group", BrandTaskStatus.Done);

        var board = await BoardAsync();

        board.Areas.Single(a => a.Area == StepsArea.PrivateDomain).Done.ShouldBe(1);
        board.Done.ShouldBe(1);
        // Working ahead does not move the recommendation: E is still first.
        board.Next.ShouldNotBeNull().Task.Code.ShouldBe("e-list-hero-products");
    }

    [Fact]
    public async Task Progress_CountsDoneTasksPerAreaAndOverall()
    {
        await SetAsync("e-list-hero-products", BrandTaskStatus.Done);
        await SetAsync("e-set-commission", BrandTaskStatus.Done);
        await SetAsync("t-first-promotion", BrandTaskStatus.InProgress);
        await SetAsync("x-design-sku", BrandTaskStatus.Done);

        var board = await BoardAsync();

        var distribution = board.Areas.Single(a => a.Area == StepsArea.Distribution);
        (distribution.Done, distribution.Total).ShouldBe((2, 4));
        distribution.Percent.ShouldBe(50);
        board.Areas.Single(a => a.Area == StepsArea.Traffic).Done.ShouldBe(0);
        board.Areas.Single(a => a.Area == StepsArea.Exclusive).Done.ShouldBe(1);
        (board.Done, board.Total).ShouldBe((3, JourneyPlaybook.Defaults().Count));
    }

    [Fact]
    public async Task SetTaskStatus_ManualDone_RecordsWhoWhenAndSource()
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        _app.Services.GetRequiredService<PortalClock>().MoveTo(at);

        await SetAsync("e-set-commission", BrandTaskStatus.Done, new TaskEvidence("  15% on all teas ", "https://example.com/commission"));

        var row = (await _app.RowAsync(_brandId, "e-set-commission")).ShouldNotBeNull();
        row.Status.ShouldBe(BrandTaskStatus.Done);
        row.CompletionSource.ShouldBe(CompletionSource.Manual);
        row.CompletedByUserId.ShouldBe(_ownerId);
        row.CompletedAt.ShouldNotBeNull().ShouldBe(at, TimeSpan.FromMinutes(1));
        row.EvidenceNote.ShouldBe("15% on all teas");
        row.EvidenceLink.ShouldBe("https://example.com/commission");
        var view = (await BoardAsync()).Areas[0].Tasks.Single(t => t.Code == "e-set-commission");
        view.CompletedByName.ShouldBe(OwnerEmail);
    }

    [Fact]
    public async Task SetTaskStatus_ByMilestone_RecordsTheSourceWithoutAPerson()
    {
        var result = await Journey.SetTaskStatusAsync(_brandId, "t-roi-2", BrandTaskStatus.Done, null, CompletionSource.Milestone, actorUserId: null);

        result.Succeeded.ShouldBeTrue();
        var row = (await _app.RowAsync(_brandId, "t-roi-2")).ShouldNotBeNull();
        row.CompletionSource.ShouldBe(CompletionSource.Milestone);
        row.CompletedByUserId.ShouldBeNull();
        row.CompletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task SetTaskStatus_DoneAgain_KeepsTheFirstCompletion()
    {
        var clock = _app.Services.GetRequiredService<PortalClock>();
        clock.MoveTo(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await SetAsync("s-first-stream", BrandTaskStatus.Done);
        var first = (await _app.RowAsync(_brandId, "s-first-stream")).ShouldNotBeNull();

        clock.MoveTo(new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
        (await Journey.SetTaskStatusAsync(_brandId, "s-first-stream", BrandTaskStatus.Done, null, CompletionSource.Milestone, null)).Succeeded.ShouldBeTrue();

        var again = (await _app.RowAsync(_brandId, "s-first-stream")).ShouldNotBeNull();
        again.CompletedAt.ShouldBe(first.CompletedAt);
        again.CompletionSource.ShouldBe(CompletionSource.Manual);
        again.CompletedByUserId.ShouldBe(_ownerId);
        again.UpdatedAt.ShouldBe(first.UpdatedAt);
    }

    [Fact]
    public async Task SetTaskStatus_ReopeningADoneTask_ClearsItsCompletion()
    {
        await SetAsync("p-short-videos", BrandTaskStatus.Done);

        await SetAsync("p-short-videos", BrandTaskStatus.InProgress);

        var row = (await _app.RowAsync(_brandId, "p-short-videos")).ShouldNotBeNull();
        row.Status.ShouldBe(BrandTaskStatus.InProgress);
        row.CompletedAt.ShouldBeNull();
        row.CompletedByUserId.ShouldBeNull();
        row.CompletionSource.ShouldBeNull();
    }

    [Theory]
    [InlineData("ftp://example.com/report.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.com/no-scheme")]
    public async Task SetTaskStatus_WithALinkThatIsNotHttp_IsRefusedWithAMessage(string link)
    {
        var result = await Journey.SetTaskStatusAsync(_brandId, "e-set-commission", BrandTaskStatus.Done, new TaskEvidence(null, link), CompletionSource.Manual, _ownerId);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe(["The link must be a web address starting with http:// or https://."]);
        (await _app.RowAsync(_brandId, "e-set-commission")).ShouldBeNull();
    }

    [Fact]
    public async Task SetTaskStatus_WithABadLink_SaysSoInChinese()
    {
        using var culture = PortalCultures.Use(PortalCultures.Chinese);

        var result = await Journey.SetTaskStatusAsync(_brandId, "e-set-commission", BrandTaskStatus.Done, new TaskEvidence(null, "mailto:a@b.c"), CompletionSource.Manual, _ownerId);

        result.Errors.ShouldBe(["链接必须是以 http:// 或 https:// 开头的网址。"]);
    }

    [Fact]
    public async Task SetTaskStatus_ByStaff_IsRefusedButStaffMayView()
    {
        var staffId = await _app.UserIdAsync("ska@demo.test");

        var result = await Journey.SetTaskStatusAsync(_brandId, "e-set-commission", BrandTaskStatus.Done, null, CompletionSource.Manual, staffId);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe(["Only the brand's members can change its STEPS tasks; SKA staff can view them."]);
        (await _app.RowAsync(_brandId, "e-set-commission")).ShouldBeNull();
        var board = (await Journey.GetBoardAsync(await _app.PrincipalAsync("ska@demo.test"), "fresh-brand")).ShouldNotBeNull();
        board.CanChange.ShouldBeFalse();
        (await BoardAsync()).CanChange.ShouldBeTrue();
    }

    [Fact]
    public async Task SetTaskStatus_ByAMemberOfAnotherBrand_IsRefused()
    {
        var demoBrandId = await _app.DemoBrandIdAsync();

        var result = await Journey.SetTaskStatusAsync(demoBrandId, "x-design-sku", BrandTaskStatus.Done, null, CompletionSource.Manual, _ownerId);

        result.Succeeded.ShouldBeFalse();
        (await _app.RowAsync(demoBrandId, "x-design-sku")).ShouldBeNull();
        (await Journey.GetBoardAsync(await _app.PrincipalAsync(OwnerEmail), "demo-tea")).ShouldBeNull();
    }

    [Fact]
    public async Task SetTaskStatus_Manually_WithoutAPerson_IsRefused()
    {
        var result = await Journey.SetTaskStatusAsync(_brandId, "e-set-commission", BrandTaskStatus.Done, null, CompletionSource.Manual, actorUserId: null);

        result.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task SetTaskStatus_ForAnUnknownTask_IsRefused()
    {
        var result = await Journey.SetTaskStatusAsync(_brandId, "no-such-task", BrandTaskStatus.Done, null, CompletionSource.Manual, _ownerId);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe(["There is no active playbook task 'no-such-task'."]);
    }

    [Fact]
    public async Task DemoSeed_StartsTheDemoBrandsJourney()
    {
        var board = (await Journey.GetBoardAsync(await _app.PrincipalAsync("brand@demo.test"), "demo-tea")).ShouldNotBeNull();

        board.Areas[0].Done.ShouldBe(3);
        board.Areas[1].Tasks.Single(t => t.Code == "t-first-promotion").Status.ShouldBe(BrandTaskStatus.InProgress);
        board.Next.ShouldNotBeNull().Task.Code.ShouldBe("e-burst-coefficient");
    }

    [Fact]
    public async Task Seeding_Twice_ChangesNothing()
    {
        var before = await SnapshotAsync();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        }

        var after = await SnapshotAsync();
        before.Playbook.Count.ShouldBe(JourneyPlaybook.Defaults().Count);
        before.States.Count.ShouldBe(4);
        after.Playbook.ShouldBe(before.Playbook);
        after.States.ShouldBe(before.States);
    }

    private Task<(List<string> Playbook, List<string> States)> SnapshotAsync() =>
        _app.WithDbAsync(async db => (
            await db.PlaybookTasks.OrderBy(t => t.Code).Select(t => t.Code + "|" + t.Id + "|" + t.TitleEn).ToListAsync(),
            (await db.BrandTasks.ToListAsync())
                .Select(t => $"{t.BrandId}|{t.PlaybookTaskId}|{t.Status}|{t.CompletedAt}|{t.UpdatedAt}").Order().ToList()));
}
