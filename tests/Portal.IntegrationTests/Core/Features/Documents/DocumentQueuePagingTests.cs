using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Documents;

/// <summary>
/// The review queue paged on the server: filters, sort and age cutoff in SQL, totals across pages, reviewer
/// names for the page, staff only. Documents are written straight to the database so their waiting
/// instants sit exactly on the day boundaries (test clock: 2026-11-16 10:00 +08:00).
/// </summary>
public sealed class DocumentQueuePagingTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 16);

    public Task InitializeAsync()
    {
        fixture.App.Clock.Reset();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Seeded(string Code, Guid A, Guid B, Guid C, Guid D, string StaffName);

    /// <summary>
    /// A: trademark waiting since noon 10 days ago, covering "home", assigned to staff. B: trademark since
    /// 23:59:59 five days ago. C: food licence (rule category "food") since midnight four days ago.
    /// D: an approved trademark from 20 days ago.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var (code, _, brandId) = await fixture.NewBrandAsync("Paging Co", null, "food");
        var ids = new Guid[4];
        var staffName = await fixture.App.WithDbAsync(async db =>
        {
            var staff = await db.Users.SingleAsync(u => u.Email == DemoData.OperatorEmail);
            var trademark = await db.RequirementRules.SingleAsync(r => r.Code == "brand-trademark");
            var licence = await db.RequirementRules.SingleAsync(r => r.Code == "food-licence");
            Document New(RequirementRule rule, int version, DateTimeOffset since, DocumentStatus status = DocumentStatus.AwaitingReview) => new()
            {
                BrandId = brandId, RuleId = rule.Id, Type = rule.DocumentType, Version = version, Status = status,
                FileHash = Guid.NewGuid().ToString("N"), ContentType = "image/png", DisplayName = $"v{version}.png",
                // Stored in UTC, as the app writes instants (clock.GetUtcNow()).
                CreatedAt = since.ToUniversalTime(), AwaitingSince = since.ToUniversalTime(),
            };
            var a = New(trademark, 1, PlatformTime.At(Today.AddDays(-10), new TimeOnly(12, 0)));
            a.CoveredCategories = ["home"];
            a.AssignedTo = staff.Id;
            var b = New(trademark, 2, PlatformTime.At(Today.AddDays(-5), new TimeOnly(23, 59, 59)));
            var c = New(licence, 1, PlatformTime.At(Today.AddDays(-4), TimeOnly.MinValue));
            var d = New(trademark, 3, PlatformTime.At(Today.AddDays(-20), new TimeOnly(9, 0)), DocumentStatus.Approved);
            db.Documents.AddRange(a, b, c, d);
            await db.SaveChangesAsync();
            (ids[0], ids[1], ids[2], ids[3]) = (a.Id, b.Id, c.Id, d.Id);
            return staff.DisplayName;
        });
        return new Seeded(code, ids[0], ids[1], ids[2], ids[3], staffName);
    }

    private async Task<List<Guid>> IdsAsync(QueueFilter filter) =>
        (await fixture.QueueItemsAsync(await fixture.StaffAsync(), filter)).Select(i => i.Id).ToList();

    [Fact]
    public async Task QueuePage_TwoPages_ExactItemsAndTotal()
    {
        var s = await SeedAsync();
        var staff = await fixture.StaffAsync();
        var filter = new QueueFilter { BrandCode = s.Code };

        var first = await fixture.Queue.QueuePageAsync(staff, filter, 0, 2);
        var second = await fixture.Queue.QueuePageAsync(staff, filter, 2, 2);

        first.TotalCount.ShouldBe(3);
        first.Items.Select(i => i.Id).ShouldBe([s.A, s.B]);
        second.TotalCount.ShouldBe(3);
        second.Items.Select(i => i.Id).ShouldBe([s.C]);
    }

    [Fact]
    public async Task QueuePage_NewestFirst_SortsDescending()
    {
        var s = await SeedAsync();

        (await IdsAsync(new QueueFilter { BrandCode = s.Code, NewestFirst = true })).ShouldBe([s.C, s.B, s.A]);
        (await IdsAsync(new QueueFilter { BrandCode = s.Code, Status = null })).ShouldBe([s.D, s.A, s.B, s.C]);
    }

    [Fact]
    public async Task QueuePage_EachFilter_OnlyMatchingDocuments()
    {
        var s = await SeedAsync();

        (await IdsAsync(new QueueFilter { BrandCode = s.Code, Status = DocumentStatus.Approved })).ShouldBe([s.D]);
        (await IdsAsync(new QueueFilter { BrandCode = s.Code, Type = DocumentType.FoodBusinessLicence })).ShouldBe([s.C]);
        (await IdsAsync(new QueueFilter { BrandCode = s.Code, CategoryCode = "food" })).ShouldBe([s.C]);
        (await IdsAsync(new QueueFilter { BrandCode = s.Code, CategoryCode = "home" })).ShouldBe([s.A]);
        (await IdsAsync(new QueueFilter { BrandCode = s.Code, CategoryCode = "beauty" })).ShouldBeEmpty();
        (await IdsAsync(new QueueFilter { BrandCode = s.Code + "-other" })).ShouldBeEmpty();
    }

    [Fact]
    public async Task QueuePage_MinAge_CutsAtThePlatformDayBoundary()
    {
        var s = await SeedAsync();

        (await IdsAsync(new QueueFilter { BrandCode = s.Code, MinAgeDays = 4 })).ShouldBe([s.A, s.B, s.C]);
        (await IdsAsync(new QueueFilter { BrandCode = s.Code, MinAgeDays = 5 })).ShouldBe([s.A, s.B]);
        (await IdsAsync(new QueueFilter { BrandCode = s.Code, MinAgeDays = 6 })).ShouldBe([s.A]);
        var items = await fixture.QueueItemsAsync(await fixture.StaffAsync(), new QueueFilter { BrandCode = s.Code });
        items.Select(i => i.AgeDays).ShouldBe([10, 5, 4]);
    }

    [Fact]
    public async Task QueuePage_Assigned_NamesTheReviewerOnThePage()
    {
        var s = await SeedAsync();

        var items = await fixture.QueueItemsAsync(await fixture.StaffAsync(), new QueueFilter { BrandCode = s.Code });

        items.Select(i => i.AssignedToName).ShouldBe([s.StaffName, null, null]);
        items.Select(i => i.Categories.ToList()).Last().ShouldBe(["food"]);
    }

    [Fact]
    public async Task QueuePage_NotStaff_EmptyPage()
    {
        var s = await SeedAsync();
        var (_, owner, _) = await fixture.NewBrandAsync();

        var page = await fixture.Queue.QueuePageAsync(owner, new QueueFilter { BrandCode = s.Code }, 0, 25);

        page.Items.ShouldBeEmpty();
        page.TotalCount.ShouldBe(0);
    }
}
