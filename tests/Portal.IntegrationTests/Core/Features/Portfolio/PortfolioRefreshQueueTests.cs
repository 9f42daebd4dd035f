using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.Jobs.Portfolio;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// The portfolio's one refresh step: every kind of writer queues the brand in its own transaction, and the
/// refresh job (run here by hand: no job server) brings the row up to date and empties the queue. The same
/// scenarios on both engines (<see cref="PortfolioRefreshQueueTests"/>, <see cref="PortfolioRefreshQueuePostgresTests"/>).
/// </summary>
public abstract class PortfolioRefreshQueueScenarios
{
    internal static readonly Dictionary<string, string?> NoJobServer = new() { ["Jobs:RunServer"] = "false" };

    internal static PortalAppFactory NewApp(TempDirectory? directory = null) => new(directory, settings: NoJobServer);

    /// <summary>A host without a job server on this class's engine.</summary>
    protected abstract PortalAppFactory App();

    internal static Task<int> RunJobAsync(PortalAppFactory app) =>
        app.Services.GetRequiredService<RefreshPortfolioJob>().RunQueuedAsync(CancellationToken.None);

    private protected static Task<List<Guid>> QueuedAsync(PortalAppFactory app) =>
        app.WithDbAsync(db => db.PendingPortfolioRefreshes.OrderBy(p => p.Id).Select(p => p.BrandId).ToListAsync());

    internal static async Task<PortfolioRowView> RowAsync(PortalAppFactory app, string code)
    {
        using var _ = PortalCultures.Use(PortalCultures.English);
        var page = await app.Services.GetRequiredService<PortfolioQuery>().PageAsync(await app.PrincipalAsync(DemoData.OperatorEmail), new PortfolioSpec { Search = code });
        return page.Value.ShouldNotBeNull().Rows.ShouldHaveSingleItem();
    }

    private protected static async Task<Guid> NewBrandAsync(PortalAppFactory app, string code)
    {
        var id = await TestBrands.CreateWithOwnerAsync(app, code, $"{code}@example.test");
        await RunJobAsync(app);
        return id;
    }

    private protected static Document AwaitingReview(PortalDbContext db, Guid brandId)
    {
        var rule = db.RequirementRules.Single(r => r.Code == "brand-trademark");
        return new Document
        {
            BrandId = brandId, RuleId = rule.Id, Type = rule.DocumentType, Version = 1, FileHash = new string('c', 64),
            ContentType = "application/pdf", DisplayName = "tm.pdf", Status = DocumentStatus.AwaitingReview,
        };
    }

    [EngineFact]
    public async Task EfSave_QueuesTheBrand_AndTheJobRefreshesTheRowAndEmptiesTheQueue()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-ef");
        (await QueuedAsync(app)).ShouldBeEmpty();

        await app.WithDbAsync(db =>
        {
            db.Documents.Add(AwaitingReview(db, brandId));
            return db.SaveChangesAsync();
        });

        (await QueuedAsync(app)).ShouldBe([brandId]);
        (await RowAsync(app, "queue-ef")).DocumentsAwaitingReview.ShouldBe(0, "nothing refreshes the row but the job");
        (await RunJobAsync(app)).ShouldBe(1);
        (await RowAsync(app, "queue-ef")).DocumentsAwaitingReview.ShouldBe(1);
        (await QueuedAsync(app)).ShouldBeEmpty();

        var refreshedAt = await app.WithDbAsync(db => db.BrandPortfolioRows.Where(r => r.BrandId == brandId).Select(r => r.RefreshedAt).SingleAsync());
        app.Clock.MoveTo(app.Clock.GetUtcNow().AddMinutes(1));
        (await RunJobAsync(app)).ShouldBe(0, "a drained queue leaves nothing to do");
        (await app.WithDbAsync(db => db.BrandPortfolioRows.Where(r => r.BrandId == brandId).Select(r => r.RefreshedAt).SingleAsync())).ShouldBe(refreshedAt);
    }

    [EngineFact]
    public async Task FailedSave_QueuesNothing()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-failed");

        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            var document = AwaitingReview(db, brandId);
            document.RuleId = Guid.NewGuid(); // no such rule: the foreign key fails the whole save
            db.Documents.Add(document);
            return db.SaveChangesAsync();
        }));

        (await QueuedAsync(app)).ShouldBeEmpty();
    }

    [EngineFact]
    public async Task SaveInACallersTransactionThatRollsBack_QueuesNothing()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-rollback");

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Documents.Add(AwaitingReview(db, brandId));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });

        (await QueuedAsync(app)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == brandId))).ShouldBe(0);
    }

    [EngineFact]
    public async Task FeedBulkInsert_QueuesTheBrand_AndTheRowShowsTheFiguresAfterTheJob()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-feed");
        var today = PlatformTime.DayOf(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var result = await app.Services.GetRequiredService<MetricsIngestionService>().IngestAsync([new MetricRowInput { Brand = "queue-feed", Date = today, Gmv = 1234.5m }]);

        result.Errors.ShouldBeEmpty();
        (await QueuedAsync(app)).ShouldBe([brandId]);
        await RunJobAsync(app);
        (await RowAsync(app, "queue-feed")).Gmv30.ShouldBe(1234.5m);
    }

    [EngineFact]
    public async Task EvaluationRecordingAMilestone_QueuesTheBrand_AndTheRowShowsItsProgressAfterTheJob()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-milestone");
        var today = PlatformTime.DayOf(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await app.Services.GetRequiredService<MetricsIngestionService>().IngestAsync([new MetricRowInput { Brand = "queue-milestone", Date = today, Streams = 1 }]);
        await RunJobAsync(app);

        (await app.Services.GetRequiredService<MetricsEvaluationService>().EvaluatePendingAsync()).Milestones.ShouldBeGreaterThan(0);

        (await QueuedAsync(app)).ShouldContain(brandId);
        (await app.WithDbAsync(db => db.BrandPortfolioRows.Where(r => r.BrandId == brandId).Select(r => r.LastMilestoneAt).SingleAsync())).ShouldBeNull();
        await RunJobAsync(app);
        (await app.WithDbAsync(db => db.BrandPortfolioRows.Where(r => r.BrandId == brandId).Select(r => r.LastMilestoneAt).SingleAsync())).ShouldNotBeNull();
        (await RowAsync(app, "queue-milestone")).Progress[2].ShouldBeGreaterThan(0, "the first stream completes a self-streaming task");
        (await QueuedAsync(app)).ShouldBeEmpty();
    }

    [EngineFact]
    public async Task AccountManagerRename_QueuesTheBrandsTheyManage()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-manager");
        var staffId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.OperatorEmail).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            (await db.Brands.SingleAsync(b => b.Id == brandId)).AccountManagerUserId = staffId;
            return await db.SaveChangesAsync();
        });
        await RunJobAsync(app);
        (await RowAsync(app, "queue-manager")).AccountManagerId.ShouldBe(staffId);

        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == staffId)).DisplayName = "Renamed Operator";
            return await db.SaveChangesAsync();
        });

        (await QueuedAsync(app)).ShouldContain(brandId);
        await RunJobAsync(app);
        (await RowAsync(app, "queue-manager")).AccountManager.ShouldBe("Renamed Operator");
    }

    [EngineFact]
    public async Task CategoryChanges_ReachTheRowAfterTheJob_AndARenameRaisesTheVersionInItsSave()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-category");
        var category = await app.WithDbAsync(db => db.Categories.OrderBy(c => c.Code).FirstAsync());
        var spec = new PortfolioSpec { Search = "queue-category", Category = category.Code };
        var query = app.Services.GetRequiredService<PortfolioQuery>();
        var staff = await app.PrincipalAsync(DemoData.OperatorEmail);
        (await query.CountAsync(staff, spec)).Value.ShouldBe(0);

        await app.WithDbAsync(db =>
        {
            db.BrandCategories.Add(new BrandCategory { BrandId = brandId, CategoryId = category.Id });
            return db.SaveChangesAsync();
        });
        (await QueuedAsync(app)).ShouldBe([brandId]);
        await RunJobAsync(app);
        (await query.CountAsync(staff, spec)).Value.ShouldBe(1, "the refresh raised the version the cached count is keyed on");
        (await RowAsync(app, "queue-category")).Categories.ShouldBe([category.NameEn]);

        var version = await app.WithDbAsync(db => db.PortfolioVersions.Select(v => v.Value).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            (await db.Categories.SingleAsync(c => c.Id == category.Id)).NameEn = "Renamed category";
            return await db.SaveChangesAsync();
        });

        (await app.WithDbAsync(db => db.PortfolioVersions.Select(v => v.Value).SingleAsync())).ShouldBeGreaterThan(version);
        (await RowAsync(app, "queue-category")).Categories.ShouldBe(["Renamed category"], "names come from the cache the version keys");
    }

    [EngineFact]
    public Task AdminEditOfARequirementRule_QueuesEveryBrand() => AdminEditQueuesEveryBrandAsync("rule");

    [EngineFact]
    public Task AdminEditOfAPlaybookTask_QueuesEveryBrand() => AdminEditQueuesEveryBrandAsync("task");

    // Every brand is measured against the rules and the playbook: one statement queues them all.
    private async Task AdminEditQueuesEveryBrandAsync(string edited)
    {
        await using var app = App();
        await NewBrandAsync(app, "queue-measure");
        (await QueuedAsync(app)).ShouldBeEmpty();

        await app.WithDbAsync(db =>
        {
            if (edited == "rule")
            {
                db.RequirementRules.First().BlocksSelling ^= true;
            }
            else
            {
                db.PlaybookTasks.First(t => t.IsActive).IsActive = false;
            }

            return db.SaveChangesAsync();
        });

        var everyBrand = await app.WithDbAsync(db => db.Brands.Select(b => b.Id).ToListAsync());
        (await QueuedAsync(app)).ShouldBe(everyBrand, ignoreOrder: true);
        await RunJobAsync(app);
        (await QueuedAsync(app)).ShouldBeEmpty();
    }

    [EngineFact]
    public async Task Job_OnANewPlatformDay_RebuildsEveryRow_EvenWithNothingQueued()
    {
        await using var app = App();
        var brandId = await NewBrandAsync(app, "queue-new-day");
        var today = PlatformTime.DayOf(app.Clock.GetUtcNow());

        app.Clock.MoveTo(app.Clock.GetUtcNow().AddDays(1));
        (await QueuedAsync(app)).ShouldBeEmpty();
        (await RunJobAsync(app)).ShouldBeGreaterThanOrEqualTo(1);

        (await app.WithDbAsync(db => db.BrandPortfolioRows.Where(r => r.BrandId == brandId).Select(r => r.AsOf).SingleAsync())).ShouldBe(today.AddDays(1));
        (await app.WithDbAsync(db => db.BrandPortfolioRows.CountAsync(r => r.AsOf < today.AddDays(1)))).ShouldBe(0);
    }
}

/// <summary>The queue's scenarios on SQLite, and a restart of the app over its file.</summary>
// The SQLite instance of the scenarios: its PostgreSQL twin runs them there, so the both-engines run skips this class.
[Trait("Engine", "Sqlite")]
public sealed class PortfolioRefreshQueueTests : PortfolioRefreshQueueScenarios
{
    protected override PortalAppFactory App() => NewApp();

    [Fact]
    public async Task QueuedBrands_LeftByAStoppedApp_AreRefreshedAfterRestart()
    {
        using var directory = new TempDirectory();
        Guid brandId;
        await using (var first = NewApp(directory))
        {
            brandId = await NewBrandAsync(first, "queue-restart");
            await first.WithDbAsync(db =>
            {
                db.Documents.Add(AwaitingReview(db, brandId));
                return db.SaveChangesAsync();
            });
            (await QueuedAsync(first)).ShouldBe([brandId]);
        }

        // Second life with a job server: start-up reconciliation finds the queue rows and dispatches the job.
        await using var second = new PortalAppFactory(directory);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // The row is written before the job clears the queue row it drained: wait for both.
        while (DateTime.UtcNow < deadline
               && ((await RowAsync(second, "queue-restart")).DocumentsAwaitingReview == 0 || (await QueuedAsync(second)).Count > 0))
        {
            await Task.Delay(100);
        }

        (await RowAsync(second, "queue-restart")).DocumentsAwaitingReview.ShouldBe(1);
        (await QueuedAsync(second)).ShouldBeEmpty();
    }
}

/// <summary>The queue's scenarios on PostgreSQL.</summary>
[Trait("Kind", "Postgres")]
public sealed class PortfolioRefreshQueuePostgresTests : PortfolioRefreshQueueScenarios
{
    protected override PortalAppFactory App() => PortalAppFactory.OnPostgres(settings: NoJobServer);
}
