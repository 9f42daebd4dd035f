using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Tiers;
using Portal.Core.Options;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Seeding;

/// <summary>The Development demo's invented portfolio: 30 brands with six months of generated figures.</summary>
public sealed class DemoPortfolioSeedTests
{
    // Seeding runs when the app starts, on the real clock; the apps of one test start seconds apart, on the same platform day.
    private static PortalAppFactory PortfolioApp(TempDirectory? directory = null) => new(directory, settings: new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "false",
        ["Seed:DemoBrandCount"] = "30",
    });

    private static Task<PortalAppFactory> StartAtNowAsync(TempDirectory? directory = null)
    {
        var app = PortfolioApp(directory);
        _ = app.Services; // starts the host: migrations and seeding
        return Task.FromResult(app);
    }

    private sealed record Figure(string Code, DateOnly Date, decimal? Gmv, long? Orders, long? Streams, long? Fans, decimal? RepurchaseRate, decimal? DistributionGmv, decimal? AdSpend, long? ExclusiveSkus);

    private static Task<List<Figure>> FiguresAsync(PortalAppFactory app) => app.WithDbAsync(async db =>
        (await db.DailyMetrics.AsNoTracking()
            .Join(db.Brands, m => m.BrandId, b => b.Id, (m, b) => new { b.Code, m })
            .ToListAsync())
        .Select(x => new Figure(x.Code, x.m.Date, x.m.Gmv, x.m.Orders, x.m.Streams, x.m.Fans, x.m.RepurchaseRate, x.m.DistributionGmv, x.m.AdSpend, x.m.ExclusiveSkus))
        .OrderBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Date)
        .ToList());

    private static Task<(int Brands, int Figures, int Milestones, int TierChanges, int Users, int Events)> CountAsync(PortalAppFactory app) =>
        app.WithDbAsync(async db => (
            await db.Brands.CountAsync(), await db.DailyMetrics.CountAsync(), await db.MilestoneAchievements.CountAsync(),
            await db.Set<TierChange>().CountAsync(), await db.Users.CountAsync(), await db.ApplicationEvents.CountAsync()));

    [Fact]
    public void Figures_ForTheSameDay_AreTheSameEveryTime()
    {
        var today = new DateOnly(2026, 11, 23);
        var id = Guid.NewGuid();

        foreach (var brand in DemoPortfolio.Brands)
        {
            var first = DemoPortfolio.Figures(brand, id, today);
            var second = DemoPortfolio.Figures(brand, id, today);
            second.Count.ShouldBe(first.Count);
            second.Zip(first).ShouldAllBe(pair => pair.First.Date == pair.Second.Date && pair.First.SameFiguresAs(pair.Second));
        }
    }

    [Fact]
    public async Task Seed_TwoFreshDatabases_HoldIdenticalFiguresShapedLikeTheDomain()
    {
        await using var first = await StartAtNowAsync();
        await using var second = await StartAtNowAsync();

        var figures = await FiguresAsync(first);
        (await FiguresAsync(second)).ShouldBe(figures);

        var today = PlatformTime.DayOf(first.Clock.GetUtcNow());
        var start = DemoPortfolio.WindowStart(today);
        var byCode = figures.GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.ToList());
        byCode.Count.ShouldBe(30, "every invented brand has figures");
        foreach (var brand in DemoPortfolio.Brands)
        {
            var days = byCode[brand.Code];
            days.Max(d => d.Date).ShouldBeLessThan(today, "today's figures are not in yet");
            switch (brand.Trajectory)
            {
                case DemoTrajectory.Stalled:
                    days.Min(d => d.Date).ShouldBe(start);
                    days.Max(d => d.Date).ShouldBeLessThanOrEqualTo(today.AddDays(-21), brand.Code);
                    break;
                case DemoTrajectory.NewStore:
                    days.Count.ShouldBeInRange(30, 40, brand.Code);
                    break;
                default:
                    days.Min(d => d.Date).ShouldBe(start, brand.Code);
                    days.Count.ShouldBe(today.DayNumber - start.DayNumber, brand.Code);
                    break;
            }
        }

        // The shapes DOMAIN.md reports: a snack brand past ¥60M a month, 3,000 streamers on one night, a tea seller at 70% repurchase.
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        decimal LastFullMonth(string code) => byCode[code].Where(d => d.Date.Year == lastMonth.Year && d.Date.Month == lastMonth.Month).Sum(d => d.Gmv ?? 0);
        LastFullMonth("crunch-hill").ShouldBeGreaterThan(55_000_000m);
        LastFullMonth("north-wind").ShouldBeGreaterThan(10_000_000m);
        LastFullMonth("mist-peak-tea").ShouldBeInRange(1_500_000m, 2_600_000m);
        byCode["mist-peak-tea"][^1].RepurchaseRate!.Value.ShouldBeInRange(0.6m, 0.75m);
        byCode["ember-noodle"].Max(d => d.Gmv!.Value).ShouldBeGreaterThanOrEqualTo(4_000_000m);
    }

    [Fact]
    public async Task Seed_WithPortfolio_EvaluatesTiersMilestonesAndFlagsTheStalledBrands()
    {
        await using var app = await StartAtNowAsync();

        var brands = await app.WithDbAsync(db => db.Brands.AsNoTracking().Select(b => new { b.Code, b.Tier, b.Status, b.AccountManagerUserId }).ToListAsync());
        brands.Count.ShouldBe(32, "the two demo brands and 30 invented ones");
        var invented = brands.Where(b => DemoPortfolio.Brands.Any(d => d.Code == b.Code)).ToList();
        invented.ShouldAllBe(b => b.Status == ApplicationStatus.Approved);
        invented.Count(b => b.Tier == GrowthTier.Ska).ShouldBeGreaterThanOrEqualTo(3);
        invented.Count(b => b.Tier == GrowthTier.Ka).ShouldBeGreaterThanOrEqualTo(5);
        invented.Count(b => b.Tier == GrowthTier.RampUp).ShouldBeGreaterThanOrEqualTo(5);
        invented.Count(b => b.AccountManagerUserId != null).ShouldBe(20);
        (await app.WithDbAsync(db => db.MilestoneAchievements.CountAsync())).ShouldBeGreaterThan(60);
        var now = app.Clock.GetUtcNow();
        (await app.WithDbAsync(db => db.MilestoneAchievements.Select(a => a.CreatedAt).ToListAsync())).ShouldAllBe(at => at <= now, "dated when reached, never in the future");
        (await app.WithDbAsync(db => db.Set<TierChange>().Select(c => c.CreatedAt).ToListAsync())).ShouldAllBe(at => at <= now);

        var stalled = await app.Services.GetRequiredService<MetricsReader>().GetStalledBrandsAsync();

        stalled.Select(s => s.Code).ShouldBe(
            DemoPortfolio.Brands.Where(b => b.Trajectory == DemoTrajectory.Stalled).Select(b => b.Code).Order(StringComparer.Ordinal),
            "only the brands whose figures stopped, although their milestones were evaluated at seeding");
        stalled.ShouldAllBe(s => s.LastFiguresOn != null && s.LastMilestoneOn != null);
    }

    [Fact]
    public async Task StalledPage_FromThePortfolioRows_IsTheFirstOfTheStalledBrandsAndTheirCount()
    {
        await using var app = await StartAtNowAsync();
        await app.Services.GetRequiredService<Portal.Core.Features.Portfolio.PortfolioRefresher>().RefreshAllAsync();
        var reader = app.Services.GetRequiredService<MetricsReader>();
        var all = await reader.GetStalledBrandsAsync();

        var page = await reader.GetStalledPageAsync(2);

        all.Count.ShouldBeGreaterThan(2);
        page.Total.ShouldBe(all.Count);
        page.Brands.ShouldBe(all.Take(2), "the same brands, dates and order as the full list");
    }

    [Fact]
    public async Task Seed_OnRestart_ChangesNothing()
    {
        using var directory = new TempDirectory();
        (int, int, int, int, int, int) before;
        List<Figure> figures;
        await using (var app = await StartAtNowAsync(directory))
        {
            before = await CountAsync(app);
            figures = await FiguresAsync(app);
        }

        await using var restarted = await StartAtNowAsync(directory);

        (await CountAsync(restarted)).ShouldBe(before);
        (await FiguresAsync(restarted)).ShouldBe(figures);
    }

    [Fact]
    public async Task Seed_WithCountZero_AddsNoPortfolio()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var codes = await app.WithDbAsync(db => db.Brands.OrderBy(b => b.Code).Select(b => b.Code).ToListAsync());

        codes.ShouldBe(["demo-tea", "silver-moon"]);
        (await app.WithDbAsync(db => db.DailyMetrics.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("31")]
    public void DemoBrandCount_OutOfRange_NamesTheSetting(string value)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("Seed:DemoBrandCount", value)]).Build();

        var error = Should.Throw<OptionsValidationException>(() => settings.ReadValidated(SeedOptions.Section, new SeedOptionsValidator()));

        error.Message.ShouldContain("'Seed:DemoBrandCount'");
    }
}
