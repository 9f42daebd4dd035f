using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Tiers;

namespace Portal.IntegrationTests.Core.Features.Notifications;

/// <summary>Milestones, tier changes and stalled brands become notifications once, however often the jobs run.</summary>
public sealed class MetricsNotificationTests(NotificationsApp fixture) : IClassFixture<NotificationsApp>
{
    private async Task RecordAsync(Guid brandId, bool milestone, bool tier)
    {
        await fixture.App.WithDbAsync(async db =>
        {
            if (milestone)
            {
                var definition = await db.MilestoneDefinitions.OrderBy(d => d.SortOrder).FirstAsync();
                db.MilestoneAchievements.Add(new MilestoneAchievement { BrandId = brandId, MilestoneDefinitionId = definition.Id, AchievedOn = new DateOnly(2026, 7, 3), Value = 1, Period = "2026-07-03" });
            }

            if (tier)
            {
                db.Set<TierChange>().Add(new TierChange { BrandId = brandId, From = GrowthTier.NewStore, To = GrowthTier.RampUp, EffectiveFrom = new DateOnly(2026, 7, 3), Explanation = "First paid order on 2026-07-03." });
            }

            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task MilestoneAndTierJob_RunTwice_NotifiesOnce()
    {
        var (_, brandId, owner) = await fixture.NewBrandAsync("metrics");
        await RecordAsync(brandId, milestone: true, tier: true);

        await fixture.MetricsNotifications.NotifyMilestonesAndTiersAsync();
        var second = await fixture.MetricsNotifications.NotifyMilestonesAndTiersAsync();

        second.ShouldBe(0);
        var inbox = await fixture.InboxAsync(owner, brandId);
        inbox.Select(n => n.Kind).OrderBy(k => k).ShouldBe([NotificationKind.Milestone, NotificationKind.TierChange]);
        (await fixture.MailAsync(owner)).Count.ShouldBe(2);
        using (Portal.Core.Localization.PortalCultures.Use("zh-CN"))
        {
            var titles = (await fixture.Centre.ListAsync(await fixture.App.PrincipalAsync(owner))).Items.Select(i => i.Title).ToList();
            titles.ShouldContain("测试品牌 现为店铺爬坡");
        }
    }

    [Fact]
    public async Task TierChangeWithFacts_IsExplainedInEachRecipientsLanguage()
    {
        var (_, brandId, owner) = await fixture.NewBrandAsync("metrics-facts");
        await fixture.App.WithDbAsync(db =>
        {
            db.Set<TierChange>().Add(new TierChange
            {
                BrandId = brandId, From = GrowthTier.Ka, To = GrowthTier.Ska, EffectiveFrom = new DateOnly(2026, 8, 1), Explanation = "stored",
                Reason = Portal.Core.Features.Metrics.TierChangeReason.Promotion, ProofMonth = new DateOnly(2026, 7, 1), Gmv = 12_345_678m,
            });
            return db.SaveChangesAsync();
        });

        await fixture.MetricsNotifications.NotifyMilestonesAndTiersAsync();

        async Task<string> BodyAsync(string culture)
        {
            using var _ = Portal.Core.Localization.PortalCultures.Use(culture);
            return (await fixture.Centre.ListAsync(await fixture.App.PrincipalAsync(owner))).Items.Single(i => i.Kind == NotificationKind.TierChange).Body;
        }

        (await BodyAsync("zh-CN")).ShouldContain("¥1,234.6万");
        (await BodyAsync("en")).ShouldContain("GMV ¥12.3M in 2026-07");
    }

    [Fact]
    public async Task MilestoneJob_OnlyPicksUpRecordsAddedSinceItsLastRun()
    {
        var (_, brandId, owner) = await fixture.NewBrandAsync("metrics-later");
        await RecordAsync(brandId, milestone: false, tier: true);
        await fixture.MetricsNotifications.NotifyMilestonesAndTiersAsync();

        await RecordAsync(brandId, milestone: true, tier: false);
        await fixture.MetricsNotifications.NotifyMilestonesAndTiersAsync();
        await fixture.MetricsNotifications.NotifyMilestonesAndTiersAsync();

        (await fixture.InboxAsync(owner, brandId)).Select(n => n.Kind).ShouldBe([NotificationKind.TierChange, NotificationKind.Milestone]);
    }

    [Fact]
    public async Task StalledBrand_TellsItsAccountManager_OncePerEpisode()
    {
        var (_, brandId, owner) = await fixture.NewBrandAsync("stalled");
        var now = fixture.App.Clock.GetUtcNow();
        var managerEmail = await fixture.AddStaffAsync();
        await fixture.App.WithDbAsync(async db =>
        {
            var brand = await db.Brands.SingleAsync(b => b.Id == brandId);
            brand.CreatedAt = now.AddDays(-60);
            brand.AccountManagerUserId = await db.Users.Where(u => u.Email == managerEmail).Select(u => u.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });

        await fixture.MetricsNotifications.NotifyStalledBrandsAsync();
        await fixture.MetricsNotifications.NotifyStalledBrandsAsync();
        (await fixture.InboxAsync(managerEmail, brandId)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.StalledBrand);

        // The brand moves again (figures today), then stalls again weeks later: a new episode.
        var today = PlatformTime.DayOf(now);
        await fixture.App.WithDbAsync(async db =>
        {
            db.DailyMetrics.Add(new DailyMetric { BrandId = brandId, Date = today, Gmv = 100 });
            return await db.SaveChangesAsync();
        });
        await fixture.MetricsNotifications.NotifyStalledBrandsAsync();
        (await fixture.InboxAsync(managerEmail, brandId)).Count.ShouldBe(1);
        try
        {
            fixture.App.Clock.MoveTo(now.AddDays(30));
            await fixture.MetricsNotifications.NotifyStalledBrandsAsync();
            await fixture.MetricsNotifications.NotifyStalledBrandsAsync();
        }
        finally
        {
            fixture.App.Clock.Reset();
        }

        (await fixture.InboxAsync(managerEmail, brandId)).Count.ShouldBe(2);
        (await fixture.InboxAsync(owner, brandId)).ShouldBeEmpty();
    }
}
