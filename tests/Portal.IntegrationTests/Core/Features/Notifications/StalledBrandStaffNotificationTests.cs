using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Notifications;

/// <summary>A stalled brand without an account manager is everyone's work: every staff member hears of it, once per episode.</summary>
public sealed class StalledBrandStaffNotificationTests(NotificationsApp fixture) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task StalledBrand_WithoutAnAccountManager_TellsEveryStaffMemberOnce()
    {
        var (_, brandId, owner) = await fixture.NewBrandAsync("orphan");
        var now = fixture.App.Clock.GetUtcNow();
        await fixture.App.WithDbAsync(async db =>
        {
            (await db.Brands.SingleAsync(b => b.Id == brandId)).CreatedAt = now.AddDays(-60);
            return await db.SaveChangesAsync();
        });

        await fixture.MetricsNotifications.NotifyStalledBrandsAsync();
        await fixture.MetricsNotifications.NotifyStalledBrandsAsync();

        (await fixture.InboxAsync(DemoData.OperatorEmail, brandId)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.StalledBrand);
        (await fixture.InboxAsync(DemoData.AdminEmail, brandId)).ShouldHaveSingleItem().Link.ShouldBe($"/ops/brands/{(await fixture.App.WithDbAsync(db => db.Brands.Where(b => b.Id == brandId).Select(b => b.Code).SingleAsync()))}");
        (await fixture.InboxAsync(owner, brandId)).ShouldBeEmpty();
    }
}
