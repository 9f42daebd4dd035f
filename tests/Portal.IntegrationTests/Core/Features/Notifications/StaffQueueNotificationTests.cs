using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Applications;
using Portal.IntegrationTests.Core.Features.Documents;

namespace Portal.IntegrationTests.Core.Features.Notifications;

/// <summary>
/// Staff hear when work arrives in their queues: a submitted application, a document to review. The brand's
/// account manager hears of it, or every staff member while the brand has none; each by their own choice of channel.
/// </summary>
public sealed class StaffQueueNotificationTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>
{
    private Task<List<Notification>> InboxAsync(string email, Guid brandId, NotificationKind kind) =>
        fixture.App.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.BrandId == brandId && n.Kind == kind && db.Users.Any(u => u.Id == n.RecipientUserId && u.Email == email))
            .ToListAsync());

    private Task<Guid> UserIdAsync(string email) => fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task AssignAccountManagerAsync(Guid brandId, Guid managerId) => fixture.App.WithDbAsync(async db =>
    {
        (await db.Brands.SingleAsync(b => b.Id == brandId)).AccountManagerUserId = managerId;
        return await db.SaveChangesAsync();
    });

    private static string Number() => "TM-30-2020-" + Random.Shared.Next(100000, 999999);

    [Fact]
    public async Task DocumentPassingItsChecks_WithoutAnAccountManager_TellsEveryStaffMember()
    {
        fixture.App.Clock.Reset();
        var (code, owner, brandId) = await fixture.NewBrandAsync("Queue Co");

        await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark(Number()));

        var toOperator = (await InboxAsync(DemoData.OperatorEmail, brandId, NotificationKind.DocumentToReview)).ShouldHaveSingleItem();
        toOperator.Link.ShouldBe("/ops/documents");
        toOperator.Template.ShouldBe("DocumentToReview");
        (await InboxAsync(DemoData.AdminEmail, brandId, NotificationKind.DocumentToReview)).ShouldHaveSingleItem();
        (await InboxAsync($"{code}@example.com", brandId, NotificationKind.DocumentToReview)).ShouldBeEmpty();
        using (Portal.Core.Localization.PortalCultures.Use("en"))
        {
            var view = (await fixture.App.Services.GetRequiredService<NotificationCentre>().ListAsync(await fixture.StaffAsync())).Items
                .First(n => n.Title.StartsWith("Other brand: trademark registration certificate to review", StringComparison.Ordinal));
            view.Body.ShouldStartWith("The trademark registration certificate (TM-30-2020-");
            view.Body.ShouldContain("passed the automatic checks. Review it by 2026-11-19.");
        }
    }

    [Fact]
    public async Task DocumentPassingItsChecks_WithAnAccountManager_TellsOnlyThem()
    {
        fixture.App.Clock.Reset();
        var (code, owner, brandId) = await fixture.NewBrandAsync("Managed Co");
        await AssignAccountManagerAsync(brandId, await UserIdAsync(DemoData.AdminEmail));

        await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark(Number()));

        (await InboxAsync(DemoData.AdminEmail, brandId, NotificationKind.DocumentToReview)).ShouldHaveSingleItem();
        (await InboxAsync(DemoData.OperatorEmail, brandId, NotificationKind.DocumentToReview)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DocumentToReview_ForAManagerWhoChoseEmailOnly_IsAnEmailAndNoInAppMessage()
    {
        fixture.App.Clock.Reset();
        var (code, owner, brandId) = await fixture.NewBrandAsync("Mail Co");
        await AssignAccountManagerAsync(brandId, await UserIdAsync(DemoData.AdminEmail));
        var centre = fixture.App.Services.GetRequiredService<NotificationCentre>();
        var admin = await fixture.App.PrincipalAsync(DemoData.AdminEmail);
        (await centre.SavePreferencesAsync(admin, new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.DocumentToReview] = NotificationChannel.Email })).Succeeded.ShouldBeTrue();
        try
        {
            var mailBefore = await fixture.App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == DemoData.AdminEmail && e.Subject.Contains("to review")));

            await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark(Number()));

            (await InboxAsync(DemoData.AdminEmail, brandId, NotificationKind.DocumentToReview)).ShouldBeEmpty();
            (await fixture.App.WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.To == DemoData.AdminEmail && e.Subject.Contains("to review")))).ShouldBe(mailBefore + 1);
        }
        finally
        {
            (await centre.SavePreferencesAsync(admin, new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.DocumentToReview] = NotificationChannel.Both })).Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task ApplicationSubmitted_TellsStaffWhenTheDecisionIsDue()
    {
        fixture.App.Clock.Reset();
        var (code, owner, brandId) = await fixture.NewBrandAsync("Applicant Co");
        var profiles = fixture.App.Services.GetRequiredService<ApplicationProfileService>();
        var applications = fixture.App.Services.GetRequiredService<ApplicationWorkflowService>();
        var food = await fixture.App.WithDbAsync(db => db.Categories.SingleAsync(c => c.Code == "food"));
        (await profiles.SaveProfileAsync(owner, code, ApplicationWorkflowTests.CompleteProfile(food.Id))).Succeeded.ShouldBeTrue();

        (await applications.ActAsync(owner, code, ApplicationAction.Submit)).Succeeded.ShouldBeTrue();

        var notification = (await InboxAsync(DemoData.OperatorEmail, brandId, NotificationKind.ApplicationSubmitted)).ShouldHaveSingleItem();
        notification.Link.ShouldBe($"/brands/{code}/application");
        notification.Args.Single().Text.ShouldBe("2026-11-19");
        (await InboxAsync(DemoData.AdminEmail, brandId, NotificationKind.ApplicationSubmitted)).ShouldHaveSingleItem();
        (await InboxAsync($"{code}@example.com", brandId, NotificationKind.ApplicationSubmitted)).ShouldBeEmpty();
    }

    [Fact]
    public void StaffQueueKinds_AreChoicesForStaffOnly()
    {
        var staff = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Portal.Core.Features.Accounts.PortalRoles.SkaOperator)], "test"));
        var brandManager = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Portal.Core.Features.Accounts.PortalRoles.BrandManager)], "test"));

        NotificationCentre.KindsFor(staff).ShouldContain(NotificationKind.ApplicationSubmitted);
        NotificationCentre.KindsFor(staff).ShouldContain(NotificationKind.DocumentToReview);
        NotificationCentre.KindsFor(brandManager).ShouldNotContain(NotificationKind.ApplicationSubmitted);
        NotificationCentre.KindsFor(brandManager).ShouldNotContain(NotificationKind.DocumentToReview);
    }
}
