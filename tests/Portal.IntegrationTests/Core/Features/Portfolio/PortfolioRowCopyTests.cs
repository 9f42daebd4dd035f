using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// The portfolio reads its own rows only; the brand's columns in them are copies of <c>Brands</c> that the
/// refresh writes for every queued brand. Every test here runs without a job server and runs the refresh job by hand.
/// </summary>
public sealed class PortfolioRowCopyTests
{
    private static PortalAppFactory NewApp() => PortfolioRefreshQueueTests.NewApp();

    private static Task<int> RunJobAsync(PortalAppFactory app) => PortfolioRefreshQueueTests.RunJobAsync(app);

    private static async Task<PortfolioPage> PageAsync(PortalAppFactory app, PortfolioSpec spec)
    {
        using var _ = PortalCultures.Use(PortalCultures.English);
        var page = await app.Services.GetRequiredService<PortfolioQuery>().PageAsync(await app.PrincipalAsync(DemoData.OperatorEmail), spec);
        page.Errors.ShouldBeEmpty();
        return page.Value.ShouldNotBeNull();
    }

    [Fact]
    public async Task NewBrand_IsListedOnceTheRefreshJobRan()
    {
        await using var app = NewApp();
        await TestBrands.CreateWithOwnerAsync(app, "brand-new-row", "new-row-owner@example.test", nameEn: "Fresh Leaf");
        (await PageAsync(app, new PortfolioSpec { Search = "brand-new-row" })).Rows.ShouldBeEmpty("no trigger writes the row any more");
        await RunJobAsync(app);

        var row = (await PageAsync(app, new PortfolioSpec { Search = "brand-new-row" })).Rows.ShouldHaveSingleItem();
        row.Name.ShouldBe("Fresh Leaf");
        row.Status.ShouldBe(ApplicationStatus.Draft);
        row.Tier.ShouldBe(GrowthTier.NewStore);
        row.Compliance.ShouldBe(ComplianceStatus.Incomplete);
        row.Gmv30.ShouldBe(0m);
        row.LastActivityAt.ShouldNotBeNull();
        (await PageAsync(app, new PortfolioSpec { Status = ApplicationStatus.Draft, Search = "brand-new-row" })).Total.ShouldBe(1);
    }

    [Fact]
    public async Task BrandChangedThroughEf_IsFilteredAndSortedByItsNewValuesAfterTheJob()
    {
        await using var app = NewApp();
        var first = await TestBrands.CreateWithOwnerAsync(app, "copy-a", "copy-a@example.test", nameEn: "Alpha");
        await TestBrands.CreateWithOwnerAsync(app, "copy-b", "copy-b@example.test", nameEn: "Beta");
        await RunJobAsync(app);
        var staffId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.OperatorEmail).Select(u => u.Id).SingleAsync());

        await app.WithDbAsync(async db =>
        {
            var brand = await db.Brands.SingleAsync(b => b.Id == first);
            brand.Tier = GrowthTier.Ka;
            brand.NameEn = "Zeta";
            brand.AccountManagerUserId = staffId;
            return await db.SaveChangesAsync();
        });
        await RunJobAsync(app);

        var ka = await PageAsync(app, new PortfolioSpec { Search = "copy-", Tier = GrowthTier.Ka });
        ka.Rows.Select(r => r.Code).ShouldBe(["copy-a"]);
        ka.Rows[0].AccountManagerId.ShouldBe(staffId);
        (await PageAsync(app, new PortfolioSpec { Search = "copy-", Tier = GrowthTier.NewStore })).Rows.Select(r => r.Code).ShouldBe(["copy-b"]);
        (await PageAsync(app, new PortfolioSpec { Search = "copy-", Sort = PortfolioSort.Name })).Rows.Select(r => r.Name).ShouldBe(["Beta", "Zeta"]);
        (await PageAsync(app, new PortfolioSpec { Search = "Zeta" })).Total.ShouldBe(1);
    }

    [Fact]
    public async Task Rebuild_KeepsTheBrandColumns_AndADeletedBrandLeavesThePortfolio()
    {
        await using var app = NewApp();
        var gone = await TestBrands.CreateWithOwnerAsync(app, "copy-gone", "copy-gone@example.test", nameEn: "Gone");
        await TestBrands.CreateWithOwnerAsync(app, "copy-kept", "copy-kept@example.test", nameEn: "Kept");

        await app.Services.GetRequiredService<PortfolioRefresher>().RefreshAllAsync();
        var kept = (await PageAsync(app, new PortfolioSpec { Search = "copy-kept" })).Rows.ShouldHaveSingleItem();
        kept.Name.ShouldBe("Kept");
        kept.Status.ShouldBe(ApplicationStatus.Draft);

        await app.WithDbAsync(db => db.Brands.Where(b => b.Id == gone).ExecuteDeleteAsync());
        (await PageAsync(app, new PortfolioSpec { Search = "copy-" })).Rows.Select(r => r.Code).ShouldBe(["copy-kept"]);
    }

    [Fact]
    public async Task Search_IgnoresTheCaseOfCodeAndName_OnEitherEngine()
    {
        await using var app = NewApp();
        await TestBrands.CreateWithOwnerAsync(app, "case-mix", "case-mix@example.test", nameEn: "Zeta Foods");
        await RunJobAsync(app);

        (await PageAsync(app, new PortfolioSpec { Search = "zeta foods" })).Rows.Select(r => r.Code).ShouldBe(["case-mix"]);
        (await PageAsync(app, new PortfolioSpec { Search = "CASE-MIX" })).Rows.Select(r => r.Code).ShouldBe(["case-mix"]);
        (await PageAsync(app, new PortfolioSpec { Search = "ZETA_" })).Rows.ShouldBeEmpty("the underscore is a character, not LIKE's wildcard");
    }

    [Fact]
    public async Task BrandInSixtyCategories_IsListedWithEveryCategoryName()
    {
        await using var app = NewApp();
        var brand = await TestBrands.CreateWithOwnerAsync(app, "many-categories", "many-categories@example.test");
        await app.WithDbAsync(db =>
        {
            // 60 ids of 36 characters and their commas: more than the 2,000 characters the column once held.
            for (var i = 0; i < 60; i++)
            {
                var category = new Portal.Core.Features.Applications.Category { Code = $"wide-{i:D2}", NameZh = $"类目{i:D2}", NameEn = $"Wide {i:D2}", SortOrder = 1000 + i };
                db.Categories.Add(category);
                db.BrandCategories.Add(new Portal.Core.Features.Applications.BrandCategory { BrandId = brand, CategoryId = category.Id });
            }

            return db.SaveChangesAsync();
        });

        await RunJobAsync(app);

        var row = (await PageAsync(app, new PortfolioSpec { Search = "many-categories" })).Rows.ShouldHaveSingleItem();
        row.Categories.Count.ShouldBe(60);
        row.Categories.ShouldContain("Wide 59");
    }

    [Fact]
    [Trait("Engine", "Sqlite")]
    public async Task Schema_KeepsNoTriggersButTheAudits()
    {
        await using var app = NewApp();

        // The portfolio's rows are refreshed through the queue, never by triggers; only the audit's stay.
        var triggers = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""SELECT name AS "Value" FROM sqlite_master WHERE type = 'trigger'""").ToListAsync());
        triggers.ShouldNotBeEmpty();
        triggers.ShouldAllBe(t => t.StartsWith("TR_AuditEntries_"));
    }

    [Fact]
    public async Task CachedTotal_FollowsEveryRefresh()
    {
        await using var app = NewApp();
        var brand = await TestBrands.CreateWithOwnerAsync(app, "cached-total", "cached-total@example.test");
        await RunJobAsync(app);
        var category = await app.WithDbAsync(db => db.Categories.OrderBy(c => c.Code).Select(c => new { c.Id, c.Code }).FirstAsync());
        var spec = new PortfolioSpec { Search = "cached-total", Category = category.Code };
        (await PageAsync(app, spec)).Total.ShouldBe(0);

        await app.WithDbAsync(db =>
        {
            db.BrandCategories.Add(new Portal.Core.Features.Applications.BrandCategory { BrandId = brand, CategoryId = category.Id });
            return db.SaveChangesAsync();
        });
        await RunJobAsync(app);
        var after = await PageAsync(app, spec);
        after.Total.ShouldBe(1);
        after.Rows.ShouldHaveSingleItem();

        await app.WithDbAsync(async db =>
        {
            (await db.Brands.SingleAsync(b => b.Id == brand)).Tier = GrowthTier.Ska;
            return await db.SaveChangesAsync();
        });
        await RunJobAsync(app);
        (await PageAsync(app, spec with { Tier = GrowthTier.NewStore })).Total.ShouldBe(0);
        (await PageAsync(app, spec with { Tier = GrowthTier.Ska })).Total.ShouldBe(1);

        // The stalled rule depends on the time, not only on the data.
        (await PageAsync(app, spec with { Stalled = true })).Total.ShouldBe(0);
        app.Clock.MoveTo(app.Clock.GetUtcNow().AddDays(40));
        (await PageAsync(app, spec with { Stalled = true })).Total.ShouldBe(1);
    }
}
