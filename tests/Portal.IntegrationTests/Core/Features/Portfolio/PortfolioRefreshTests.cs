using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>With a job server: rows follow EF saves and the feed's bulk insert within seconds, through the refresh queue and its coalesced job.</summary>
public sealed class PortfolioRefreshTests
{
    /// <summary>
    /// The brand's row once <paramref name="until"/> holds; else fails with the row as it is, the brands still
    /// queued and what the job server did (<see cref="JobReport"/>: a failing drain is retried quietly otherwise).
    /// </summary>
    private static async Task<PortfolioRowView> RowAsync(PortalAppFactory app, string code, Func<PortfolioRowView, bool> until)
    {
        var query = app.Services.GetRequiredService<PortfolioQuery>();
        var staff = await app.PrincipalAsync(DemoData.OperatorEmail);
        // About a second on an idle machine (the job's delay and Hangfire's one-second schedule poll). A drain that
        // fails on a loaded machine is retried after 1, 2, 5, 10, 30 and 120 s (RefreshPortfolioJob): wait past them all.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        PortfolioRowView? row = null;
        while (DateTime.UtcNow < deadline)
        {
            row = (await query.PageAsync(staff, new PortfolioSpec { Search = code })).Value!.Rows.SingleOrDefault();
            if (row is not null && until(row))
            {
                return row;
            }

            await Task.Delay(100);
        }

        var queued = await app.WithDbAsync(db => db.PendingPortfolioRefreshes.CountAsync());
        throw new ShouldAssertException($"The row of {code} did not follow within 180 s: {(row is null ? "no row" : row.ToString())}; "
            + $"{queued} queue row(s) left.{Environment.NewLine}{JobReport.Of(app)}");
    }

    [Fact]
    public async Task DocumentSavedThroughEf_ReachesTheRowWithoutAnyCall()
    {
        await using var app = new PortalAppFactory();
        var brandId = await TestBrands.CreateWithOwnerAsync(app, "refresh-me", "refresh-owner@example.test");
        await RowAsync(app, "refresh-me", r => r.LastActivityAt is not null);

        await app.WithDbAsync(async db =>
        {
            var rule = db.RequirementRules.Single(r => r.Code == "brand-trademark");
            var document = new Document { BrandId = brandId, RuleId = rule.Id, Type = rule.DocumentType, Version = 1, FileHash = new string('b', 64), ContentType = "application/pdf", DisplayName = "tm.pdf" };
            document.Status = DocumentStatus.AwaitingReview;
            db.Documents.Add(document);
            return await db.SaveChangesAsync();
        });
        (await RowAsync(app, "refresh-me", r => r.DocumentsAwaitingReview == 1)).DocumentsAwaitingReview.ShouldBe(1);

        // Figures through the feed's raw bulk insert, which EF never sees: it queues the brand itself.
        var ingestion = app.Services.GetRequiredService<MetricsIngestionService>();
        var today = Portal.Core.PlatformTime.DayOf(app.Clock.GetUtcNow());
        var result = await ingestion.IngestAsync([new MetricRowInput { Brand = "refresh-me", Date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Gmv = 1234.5m }]);
        result.Errors.ShouldBeEmpty();
        (await RowAsync(app, "refresh-me", r => r.Gmv30 == 1234.5m)).Gmv30.ShouldBe(1234.5m);
    }
}

/// <summary>The staff home's figures over the generated portfolio.</summary>
public sealed class OperationsOverviewTests(PortfolioFixture fixture) : IClassFixture<PortfolioFixture>
{
    [Fact]
    public async Task Snapshot_CountsQueuesFunnelAndTiers()
    {
        var overview = fixture.App.Services.GetRequiredService<OperationsOverview>();
        var staff = await fixture.App.PrincipalAsync(DemoData.OperatorEmail);
        var query = fixture.App.Services.GetRequiredService<PortfolioQuery>();
        var snapshot = (await overview.GetAsync(staff)).Value.ShouldNotBeNull();

        var all = await fixture.App.WithDbAsync(db => Task.FromResult(db.Brands.Count()));
        snapshot.Funnel[0].Brands.ShouldBe(all);
        snapshot.Funnel.Select(f => f.Brands).ShouldBe(snapshot.Funnel.Select(f => f.Brands).OrderDescending(), "a funnel never widens");
        snapshot.Tiers.Sum(t => t.Brands).ShouldBe(all);
        snapshot.Tiers.Single(t => t.Tier == GrowthTier.Ska).Brands.ShouldBeGreaterThanOrEqualTo(fixture.Brands.Count(b => b.Tier == GrowthTier.Ska));
        snapshot.Queues.Stalled.ShouldBe((await query.CountAsync(staff, new PortfolioSpec { View = PortfolioView.Stalled })).Value);
        snapshot.Queues.Expiring.ShouldBeGreaterThanOrEqualTo(fixture.Brands.Count(b => b.Document == DocumentKind.Expiring));
        snapshot.Queues.DocumentsToReview.ShouldBeGreaterThanOrEqualTo(fixture.Brands.Count(b => b.Document == DocumentKind.Awaiting));
        snapshot.Durations.Count.ShouldBe(5);

        (await overview.GetAsync(await fixture.App.PrincipalAsync(DemoData.BrandManagerEmail))).Succeeded.ShouldBeFalse();
    }
}
