using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Email;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Documents;

namespace Portal.IntegrationTests.Core.Features.Notifications;

/// <summary>Document decisions, fraud flags and expiry warnings in the notification centre.</summary>
public sealed class DocumentNotificationTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>
{
    private Task<List<Notification>> InboxAsync(string email, Guid brandId) =>
        fixture.App.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.BrandId == brandId && db.Users.Any(u => u.Id == n.RecipientUserId && u.Email == email))
            .OrderBy(n => n.CreatedAt).ToListAsync());

    [Fact]
    public async Task DocumentDecision_NotifiesTheBrandsMembers()
    {
        fixture.App.Clock.Reset();
        var (code, owner, brandId) = await fixture.NewBrandAsync("Decided Co");
        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2020-" + Random.Shared.Next(100000, 999999)));

        (await fixture.Review.DecideAsync(await fixture.StaffAsync(), id, DocumentAction.RequestChanges, note: "The scan is cut off")).Succeeded.ShouldBeTrue();

        var notification = (await InboxAsync($"{code}@example.com", brandId)).ShouldHaveSingleItem();
        notification.Kind.ShouldBe(NotificationKind.DocumentDecision);
        notification.Template.ShouldBe("Document_RequestChanges");
        notification.Link.ShouldBe($"/brands/{code}/documents");
        using (Portal.Core.Localization.PortalCultures.Use("en"))
        {
            var view = (await fixture.App.Services.GetRequiredService<NotificationCentre>().ListAsync(owner)).Items.ShouldHaveSingleItem();
            view.Body.ShouldBe("SKA staff asked for changes to the trademark registration certificate of Other brand: The scan is cut off");
        }
    }

    [Fact]
    public async Task FraudFlag_GoesToTheAccountManager_NotToTheBrand()
    {
        fixture.App.Clock.Reset();
        var number = "TM-30-2020-" + Random.Shared.Next(100000, 999999);
        var (firstCode, firstOwner, _) = await fixture.NewBrandAsync("First Co");
        await fixture.UploadCheckedAsync(firstCode, firstOwner, DocumentsAppFixture.Trademark(number));
        var (code, owner, brandId) = await fixture.NewBrandAsync("Copycat Co");
        var adminId = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.AdminEmail).Select(u => u.Id).SingleAsync());
        await fixture.App.WithDbAsync(async db =>
        {
            (await db.Brands.SingleAsync(b => b.Id == brandId)).AccountManagerUserId = adminId;
            return await db.SaveChangesAsync();
        });

        var id = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark(number));

        (await fixture.DocumentAsync(id)).FraudFlag.ShouldBeTrue();
        var flag = (await InboxAsync(DemoData.AdminEmail, brandId)).ShouldHaveSingleItem();
        flag.Kind.ShouldBe(NotificationKind.FraudFlag);
        flag.Args.Select(a => a.Text).ShouldContain(firstCode);
        (await InboxAsync(DemoData.OperatorEmail, brandId)).ShouldBeEmpty();
        (await InboxAsync($"{code}@example.com", brandId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExpiryWarning_ForAMemberWhoChoseInApp_IsShownButNotEmailed()
    {
        fixture.App.Clock.Reset();
        var (code, owner, brandId) = await fixture.NewBrandAsync("Expiring Co");
        var today = PlatformTime.DayOf(fixture.App.Clock.GetUtcNow());
        var request = DocumentsAppFixture.Trademark("TM-30-2020-" + Random.Shared.Next(100000, 999999));
        request.ExpiresOn = today.AddMonths(6);
        var id = await fixture.UploadCheckedAsync(code, owner, request);
        (await fixture.Review.DecideAsync(await fixture.StaffAsync(), id, DocumentAction.Approve)).Succeeded.ShouldBeTrue();
        (await fixture.App.Services.GetRequiredService<NotificationCentre>().SavePreferencesAsync(owner,
            new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.ExpiryWarning] = NotificationChannel.InApp })).Succeeded.ShouldBeTrue();

        try
        {
            fixture.App.Clock.MoveTo(Days.NoonOf(request.ExpiresOn.Value.AddDays(-30)));
            await fixture.Expiry.RunAsync();
            await fixture.Expiry.RunAsync();
        }
        finally
        {
            fixture.App.Clock.Reset();
        }

        var warnings = (await InboxAsync($"{code}@example.com", brandId)).Where(n => n.Kind == NotificationKind.ExpiryWarning).ToList();
        warnings.ShouldHaveSingleItem().Template.ShouldBe("Document_Expiring");
        (await fixture.App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == $"{code}@example.com" && e.Kind == EmailKind.DocumentExpiring))).ShouldBe(0);
        (await fixture.App.WithDbAsync(db => db.DocumentNotices.CountAsync(n => n.DocumentId == id && n.Kind == NoticeKind.ExpiryWarning))).ShouldBe(1);
    }
}
