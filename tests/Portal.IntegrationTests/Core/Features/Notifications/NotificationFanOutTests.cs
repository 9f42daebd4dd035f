using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Email;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Notifications;

/// <summary>Who hears of what, by which channel and in which language.</summary>
public sealed class NotificationFanOutTests(NotificationsApp fixture) : IClassFixture<NotificationsApp>
{
    [Theory]
    [InlineData(NotificationKind.ApplicationDecision)]
    [InlineData(NotificationKind.DocumentDecision)]
    [InlineData(NotificationKind.FraudFlag)]
    [InlineData(NotificationKind.ExpiryWarning)]
    [InlineData(NotificationKind.Comment)]
    [InlineData(NotificationKind.Mention)]
    [InlineData(NotificationKind.Milestone)]
    [InlineData(NotificationKind.TierChange)]
    [InlineData(NotificationKind.StalledBrand)]
    public async Task FanOut_ForEachKind_HonoursEachRecipientsChoice(NotificationKind kind)
    {
        var (_, brandId, owner) = await fixture.NewBrandAsync("fan");
        // Staff-only kinds go to staff (a brand manager cannot even choose them); the others to brand members.
        var staffKind = kind is NotificationKind.FraudFlag or NotificationKind.Mention or NotificationKind.StalledBrand;
        var both = staffKind ? await fixture.AddStaffAsync() : owner;
        var inApp = staffKind ? await fixture.AddStaffAsync() : await fixture.AddMemberAsync(brandId, "en");
        var emailOnly = staffKind ? await fixture.AddStaffAsync() : await fixture.AddMemberAsync(brandId, "en");
        var recipients = new List<Guid>();
        foreach (var email in new[] { both, inApp, emailOnly })
        {
            recipients.Add(await fixture.UserIdAsync(email));
        }

        await fixture.SetPreferenceAsync(inApp, kind, NotificationChannel.InApp);
        await fixture.SetPreferenceAsync(emailOnly, kind, NotificationChannel.Email);
        // A choice for another kind changes nothing for this one.
        var other = kind == NotificationKind.Comment ? NotificationKind.Milestone : NotificationKind.Comment;
        await fixture.SetPreferenceAsync(both, other, NotificationChannel.InApp);

        var batch = new NotificationBatch();
        await fixture.App.WithDbAsync(async db =>
        {
            await fixture.Notifications.AddAsync(db, batch, new NotificationMessage(kind, "Milestone", brandId, "/somewhere", [NotificationArg.Names("首单", "First order"), NotificationArg.Plain("2026-07")]),
                recipients);
            return await db.SaveChangesAsync();
        });
        fixture.Notifications.Publish(batch);

        (await fixture.InboxAsync(both, brandId)).Count.ShouldBe(1);
        (await fixture.MailAsync(both)).Count(e => e.Kind == EmailKind.Notification).ShouldBe(1);
        (await fixture.InboxAsync(inApp, brandId)).Count.ShouldBe(1);
        (await fixture.MailAsync(inApp)).ShouldBeEmpty();
        (await fixture.InboxAsync(emailOnly, brandId)).ShouldBeEmpty();
        (await fixture.MailAsync(emailOnly)).Count(e => e.Kind == EmailKind.Notification).ShouldBe(1);
        batch.Notifications.ShouldBe(2);
        if (staffKind)
        {
            (await fixture.InboxAsync(owner, brandId)).ShouldBeEmpty();
        }

        batch.EmailCount.ShouldBe(2);
    }

    [Fact]
    public async Task StaffComment_EmailsEachMemberInTheirOwnLanguage()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("lang");
        var chinese = await fixture.AddMemberAsync(brandId, "zh-CN");

        var outcome = await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("Please upload your trademark certificate."));

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var zh = (await fixture.MailAsync(chinese)).ShouldHaveSingleItem();
        zh.Subject.ShouldBe("测试品牌：SKA 运营发来新消息");
        zh.TextBody.ShouldContain("您好");
        zh.TextBody.ShouldContain("Please upload your trademark certificate.");
        zh.TextBody.ShouldContain($"/brands/{code}/messages");
        var en = (await fixture.MailAsync(owner)).ShouldHaveSingleItem();
        en.Subject.ShouldBe($"Brand {code}: new message from SKA staff");
        en.TextBody.ShouldStartWith("Hello,");
    }

    [Fact]
    public async Task StaffComment_DoesNotReachADisabledMember()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("disabled");
        var disabled = await fixture.AddMemberAsync(brandId, "en");
        await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == disabled)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, Portal.Core.Features.Administration.UserState.DisabledUntil)));

        (await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("Anyone there?"))).Succeeded.ShouldBeTrue();

        (await fixture.InboxAsync(owner)).ShouldHaveSingleItem();
        (await fixture.MailAsync(owner)).ShouldHaveSingleItem();
        (await fixture.InboxAsync(disabled)).ShouldBeEmpty();
        (await fixture.MailAsync(disabled)).ShouldBeEmpty();
    }

    [Fact]
    public async Task InAppNotification_IsShownInTheReadersCurrentLanguage()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("read");
        await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("Hello there"));
        var principal = await fixture.App.PrincipalAsync(owner);

        NotificationView english, chinese;
        using (Portal.Core.Localization.PortalCultures.Use("en"))
        {
            english = (await fixture.Centre.ListAsync(principal)).Items.ShouldHaveSingleItem();
        }

        using (Portal.Core.Localization.PortalCultures.Use("zh-CN"))
        {
            chinese = (await fixture.Centre.ListAsync(principal)).Items.ShouldHaveSingleItem();
        }

        english.Title.ShouldBe($"Brand {code}: new message from SKA staff");
        chinese.Title.ShouldBe("测试品牌：SKA 运营发来新消息");
        english.Link.ShouldBe($"/brands/{code}/messages");
    }

    [Fact]
    public async Task ApplicationApproval_NotifiesTheBrandsMembers_AndNotOtherBrands()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("app");
        var (_, otherId, otherOwner) = await fixture.NewBrandAsync("app-other");
        await fixture.App.WithDbAsync(async db =>
        {
            var brand = await db.Brands.SingleAsync(b => b.Id == brandId);
            brand.Status = ApplicationStatus.UnderReview;
            return await db.SaveChangesAsync();
        });
        var applications = fixture.App.Services.GetRequiredService<ApplicationWorkflowService>();

        var outcome = await applications.ActAsync(await fixture.StaffAsync(), code, ApplicationAction.Approve, "Welcome aboard");

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var notification = (await fixture.InboxAsync(owner, brandId)).ShouldHaveSingleItem();
        notification.Kind.ShouldBe(NotificationKind.ApplicationDecision);
        notification.Template.ShouldBe("Application_Approve");
        (await fixture.InboxAsync(otherOwner)).ShouldBeEmpty();
        (await fixture.MailAsync(owner)).ShouldContain(e => e.Kind == EmailKind.Notification && e.Subject == $"Brand {code}: application approved");
    }

    [Fact]
    public async Task Centre_MarkRead_OnlyTouchesTheReadersOwnNotifications()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("mark");
        var (otherCode, _, otherOwner) = await fixture.NewBrandAsync("mark-other");
        var staff = await fixture.StaffAsync();
        await fixture.Comments.PostAsync(staff, code, new NewComment("One"));
        await fixture.Comments.PostAsync(staff, code, new NewComment("Two"));
        await fixture.Comments.PostAsync(staff, otherCode, new NewComment("Theirs"));
        var me = await fixture.App.PrincipalAsync(owner);
        var them = await fixture.App.PrincipalAsync(otherOwner);
        var theirs = (await fixture.Centre.ListAsync(them)).Items.ShouldHaveSingleItem();

        (await fixture.Centre.MarkReadAsync(me, theirs.Id)).ShouldBeFalse();
        (await fixture.Centre.UnreadCountAsync(them)).ShouldBe(1);
        (await fixture.Centre.UnreadCountAsync(me)).ShouldBe(2);
        var mine = (await fixture.Centre.ListAsync(me)).Items;
        (await fixture.Centre.MarkReadAsync(me, mine[0].Id)).ShouldBeTrue();
        (await fixture.Centre.UnreadCountAsync(me)).ShouldBe(1);
        (await fixture.Centre.MarkAllReadAsync(me)).ShouldBe(1);
        (await fixture.Centre.UnreadCountAsync(me)).ShouldBe(0);
        (await fixture.Centre.UnreadCountAsync(them)).ShouldBe(1);
    }

    [Fact]
    public async Task Preferences_SavedFromTwoTabsAtOnce_BothApply_OneAfterTheOther()
    {
        var (_, _, owner) = await fixture.NewBrandAsync("prefs-race");
        var userId = await fixture.UserIdAsync(owner);
        var user = await fixture.App.PrincipalAsync(owner);

        // Both read the person's (no) choices, then save their first ones together.
        var outcomes = await fixture.Reads.TogetherAsync(userId,
            () => fixture.Centre.SavePreferencesAsync(user, new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Comment] = NotificationChannel.Email }),
            () => fixture.Centre.SavePreferencesAsync(user, new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Comment] = NotificationChannel.InApp }));

        outcomes.ShouldAllBe(o => o.Succeeded);
        (await fixture.App.WithDbAsync(db => db.NotificationPreferences.CountAsync(p => p.UserId == userId && p.Kind == NotificationKind.Comment))).ShouldBe(1);
    }

    [Fact]
    public async Task Centre_PagesNewestFirst()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("page");
        var staff = await fixture.StaffAsync();
        var start = fixture.App.Clock.GetUtcNow();
        try
        {
            for (var i = 1; i <= 5; i++)
            {
                fixture.App.Clock.MoveTo(start.AddMinutes(i));
                await fixture.Comments.PostAsync(staff, code, new NewComment($"Message {i}"));
            }
        }
        finally
        {
            fixture.App.Clock.Reset();
        }

        var me = await fixture.App.PrincipalAsync(owner);
        var first = await fixture.Centre.ListAsync(me, page: 0, pageSize: 2);
        var last = await fixture.Centre.ListAsync(me, page: 2, pageSize: 2);

        first.Total.ShouldBe(5);
        first.Items.Select(i => i.Body).ShouldBe(["SKA 运营 Zhao Min wrote: Message 5", "SKA 运营 Zhao Min wrote: Message 4"]);
        last.Items.Select(i => i.Body).ShouldBe(["SKA 运营 Zhao Min wrote: Message 1"]);
    }

    [Fact]
    public void Templates_HaveATitleAndBody_InBothLanguages()
    {
        string[] templates =
        [
            "Application_Approve", "Application_Reject", "Application_RequestChanges", "Application_Suspend", "Application_Reinstate",
            "Document_Approve", "Document_Reject", "Document_RequestChanges", "Document_Expiring", "Document_Expired", "FraudFlag",
            "Comment_FromStaff", "Reply_FromStaff", "Comment_FromBrand", "Reply_FromBrand", "Mention", "Mention_Internal",
            "Milestone", "TierChange", "StalledBrand",
        ];
        var strings = fixture.App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Portal.Core.NotificationStrings>>();
        foreach (var culture in new[] { "en", "zh-CN" })
        {
            using var _ = Portal.Core.Localization.PortalCultures.Use(culture);
            foreach (var template in templates)
            {
                strings[$"Notify_{template}_Title"].ResourceNotFound.ShouldBeFalse(template);
                strings[$"Notify_{template}_Body"].ResourceNotFound.ShouldBeFalse(template);
            }

            foreach (var type in Enum.GetNames<Portal.Core.Features.Documents.DocumentType>())
            {
                strings[$"DocType_{type}"].ResourceNotFound.ShouldBeFalse(type);
            }

            foreach (var tier in Enum.GetNames<Portal.Core.Features.Tiers.GrowthTier>())
            {
                strings[$"Tier_{tier}"].ResourceNotFound.ShouldBeFalse(tier);
            }
        }
    }

    [Fact]
    public async Task Preferences_OfABrandManager_LeaveOutStaffOnlyKinds()
    {
        var (_, _, owner) = await fixture.NewBrandAsync("prefs");
        var principal = await fixture.App.PrincipalAsync(owner);

        var saved = await fixture.Centre.SavePreferencesAsync(principal, new Dictionary<NotificationKind, NotificationChannel>
        {
            [NotificationKind.Comment] = NotificationChannel.Email,
            [NotificationKind.FraudFlag] = NotificationChannel.InApp,
        });
        var choices = await fixture.Centre.PreferencesAsync(principal);

        saved.Succeeded.ShouldBeTrue();
        choices[NotificationKind.Comment].ShouldBe(NotificationChannel.Email);
        choices[NotificationKind.Milestone].ShouldBe(NotificationChannel.Both);
        choices.Keys.ShouldNotContain(NotificationKind.FraudFlag);
        choices.Keys.ShouldNotContain(NotificationKind.Mention);
        (await fixture.Centre.PreferencesAsync(await fixture.StaffAsync())).Keys.ShouldContain(NotificationKind.StalledBrand);
    }
}
