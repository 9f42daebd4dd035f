using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;
using Portal.UnitTests.Infrastructure;

namespace Portal.UnitTests.Core.Features.Portfolio;

/// <summary>
/// The portfolio reads its own rows only; the brand's columns in them are copies that the database keeps
/// equal to <c>Brands</c>, whoever writes the brand. Every test here runs without the background refresh,
/// so what they see comes from the triggers alone.
/// </summary>
public sealed class PortfolioRowCopyTests
{
    private static PortalAppFactory NewApp() => new(settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Portfolio:RefreshInBackground"] = "false",
    });

    private static async Task<PortfolioPage> PageAsync(PortalAppFactory app, PortfolioSpec spec)
    {
        using var _ = PortalCultures.Use(PortalCultures.English);
        var page = await app.Services.GetRequiredService<PortfolioQuery>().PageAsync(await app.PrincipalAsync(DemoData.OperatorEmail), spec);
        page.Errors.ShouldBeEmpty();
        return page.Value.ShouldNotBeNull();
    }

    [Fact]
    public async Task NewBrand_IsListedAtOnce_BeforeAnyRefresh()
    {
        await using var app = NewApp();
        await TestBrands.CreateWithOwnerAsync(app, "brand-new-row", "new-row-owner@example.test", nameEn: "Fresh Leaf");

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
    public async Task BrandChangedBySetBasedSql_IsFilteredAndSortedByItsNewValuesAtOnce()
    {
        await using var app = NewApp();
        var first = await TestBrands.CreateWithOwnerAsync(app, "copy-a", "copy-a@example.test", nameEn: "Alpha");
        await TestBrands.CreateWithOwnerAsync(app, "copy-b", "copy-b@example.test", nameEn: "Beta");
        var staffId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.OperatorEmail).Select(u => u.Id).SingleAsync());

        // The metrics evaluation moves tiers with set-based SQL that EF's change tracking never sees.
        await app.WithDbAsync(db => db.Brands.Where(b => b.Id == first)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Tier, GrowthTier.Ka).SetProperty(b => b.NameEn, "Zeta").SetProperty(b => b.AccountManagerUserId, staffId)));

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
    public async Task CachedTotal_FollowsChangesMadeAroundTheApp_AtOnce()
    {
        await using var app = NewApp();
        var brand = await TestBrands.CreateWithOwnerAsync(app, "cached-total", "cached-total@example.test");
        var category = await app.WithDbAsync(db => db.Categories.OrderBy(c => c.Code).Select(c => new { c.Id, c.Code }).FirstAsync());
        var spec = new PortfolioSpec { Search = "cached-total", Category = category.Code };
        var before = await PageAsync(app, spec);
        before.Total.ShouldBe(0);

        // Straight SQL, as a seeder or another process would write: no EF change tracking, no in-process signal.
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "BrandCategories" ("BrandId", "CategoryId") VALUES ({brand.ToString().ToUpperInvariant()}, {category.Id.ToString().ToUpperInvariant()})"""));
        var after = await PageAsync(app, spec);
        after.Total.ShouldBe(1);
        after.Rows.ShouldHaveSingleItem();

        await app.WithDbAsync(db => db.Brands.Where(b => b.Id == brand).ExecuteUpdateAsync(s => s.SetProperty(b => b.Tier, GrowthTier.Ska)));
        (await PageAsync(app, spec with { Tier = GrowthTier.NewStore })).Total.ShouldBe(0);
        (await PageAsync(app, spec with { Tier = GrowthTier.Ska })).Total.ShouldBe(1);

        // The stalled rule depends on the time, not only on the data.
        (await PageAsync(app, spec with { Stalled = true })).Total.ShouldBe(0);
        app.Clock.MoveTo(app.Clock.GetUtcNow().AddDays(40));
        (await PageAsync(app, spec with { Stalled = true })).Total.ShouldBe(1);
    }

    [Fact]
    public async Task ManagerNameAndCategories_ShowTheirLatestNames_WithoutARefresh()
    {
        await using var app = NewApp();
        var brand = await TestBrands.CreateWithOwnerAsync(app, "named-row", "named-row@example.test");
        var staffId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.OperatorEmail).Select(u => u.Id).SingleAsync());
        var category = await app.WithDbAsync(db => db.Categories.OrderBy(c => c.Code).Select(c => new { c.Id, c.NameEn }).FirstAsync());
        var spec = new PortfolioSpec { Search = "named-row" };

        await app.WithDbAsync(db => db.Brands.Where(b => b.Id == brand).ExecuteUpdateAsync(s => s.SetProperty(b => b.AccountManagerUserId, staffId)));
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "BrandCategories" ("BrandId", "CategoryId") VALUES ({brand.ToString().ToUpperInvariant()}, {category.Id.ToString().ToUpperInvariant()})"""));
        var row = (await PageAsync(app, spec)).Rows.ShouldHaveSingleItem();
        row.AccountManager.ShouldNotBeNullOrWhiteSpace();
        row.Categories.ShouldBe([category.NameEn]);

        await app.WithDbAsync(db => db.Users.Where(u => u.Id == staffId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "Renamed Operator")));
        await app.WithDbAsync(db => db.Categories.Where(c => c.Id == category.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NameEn, "Renamed category")));
        row = (await PageAsync(app, spec)).Rows.ShouldHaveSingleItem();
        row.AccountManager.ShouldBe("Renamed Operator");
        row.Categories.ShouldBe(["Renamed category"]);

        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "BrandCategories" WHERE "BrandId" = {brand.ToString().ToUpperInvariant()}"""));
        await app.WithDbAsync(db => db.Brands.Where(b => b.Id == brand).ExecuteUpdateAsync(s => s.SetProperty(b => b.AccountManagerUserId, (Guid?)null)));
        row = (await PageAsync(app, spec)).Rows.ShouldHaveSingleItem();
        row.Categories.ShouldBeEmpty();
        row.AccountManager.ShouldBeNull();
    }
}
