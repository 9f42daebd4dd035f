using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Notifications;
using Portal.Web.Components.Layout;
using Portal.Web.Components.Pages.Comments;

namespace Portal.IntegrationTests.Web.Components.Notifications;

/// <summary>The bell's live count and panel, the notification centre and the comments component, against the real services and SQLite.</summary>
public sealed class NotificationComponentTests : PortalTestContext, IClassFixture<NotificationsApp>
{
    private readonly NotificationsApp _fixture;

    public NotificationComponentTests(NotificationsApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Centre);
        Services.AddSingleton(fixture.Hub);
        Services.AddSingleton(fixture.Comments);
        Services.AddSingleton(fixture.CommentHub);
    }

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private async Task SignInAsync(string email, string role)
    {
        var id = await _fixture.UserIdAsync(email);
        var auth = AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id.ToString()));
    }

    private static string Unread(IRenderedComponent<NotificationBell> bell) =>
        bell.Find("[data-testid='notification-bell']").GetAttribute("data-unread")!;

    private static string Expanded(IRenderedComponent<NotificationBell> bell) =>
        bell.Find("[data-testid='notification-bell']").GetAttribute("aria-expanded")!;

    // The panel's content as the popover provider shows it: only while the bell's popover is open.
    private static IEnumerable<AngleSharp.Dom.IElement> OpenPanel(IRenderedComponent<MudBlazor.MudPopoverProvider> popovers) =>
        popovers.FindAll(".mud-popover-open [data-testid='notification-panel']");

    private static string Replies(IRenderedComponent<BrandComments> comments) =>
        string.Join(" | ", comments.FindAll("[data-testid='comment-reply'] [data-testid='comment-body']").Select(e => e.TextContent));

    private static string Bodies(IRenderedComponent<BrandComments> comments) =>
        string.Join(" | ", comments.FindAll("[data-testid='comment-body']").Select(e => e.TextContent));

    [Fact]
    public async Task Bell_WhenANotificationArrives_CountsItWithoutReload_AndMarkAllClearsIt()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("bell");
        await SignInAsync(owner, PortalRoles.BrandManager);
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("0"));
        _fixture.Hub.SubscriberCount(await _fixture.UserIdAsync(owner)).ShouldBe(1);

        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("First"));
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("1"));
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("Second"));
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("2"));
        bell.Find("[data-testid='notification-bell']").GetAttribute("aria-label").ShouldBe("Notifications (2 unread)");
        bell.Find(".mud-badge[role='status']").TextContent.ShouldBe("2");

        await bell.Find("[data-testid='notification-bell']").ClickAsync(new());
        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid='notification-item']").Count.ShouldBe(2));
        popovers.Markup.ShouldContain("wrote: Second");
        await popovers.Find("[data-testid='notifications-mark-all']").ClickAsync(new());
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("0"));
        bell.FindAll(".mud-badge").ShouldBeEmpty();
    }

    [Fact]
    public async Task Bell_IsNotToldOfAnotherUsersNotifications_AndUnsubscribesWhenGone()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("bell-other");
        var (mine, _, other) = await _fixture.NewBrandAsync("bell-mine");
        await SignInAsync(other, PortalRoles.BrandManager);
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("0"));

        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("Not for you"));
        // Then one for them: once the bell shows it, the first had its chance to arrive and did not.
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), mine, new NewComment("For you"));

        bell.WaitForAssertion(() => Unread(bell).ShouldBe("1"));
        var otherId = await _fixture.UserIdAsync(other);
        _fixture.Hub.SubscriberCount(otherId).ShouldBe(1);
        bell.Instance.Dispose();
        _fixture.Hub.SubscriberCount(otherId).ShouldBe(0);
        (await _fixture.Centre.UnreadCountAsync(await _fixture.App.PrincipalAsync(owner))).ShouldBe(1);
    }

    [Fact]
    public async Task BrandComments_ForABrandMember_ShowsThePublicThreadOnly()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("bunit-comments");
        var staff = await _fixture.StaffAsync();
        await _fixture.Comments.PostAsync(staff, code, new NewComment("Visible to the brand"));
        await _fixture.Comments.PostAsync(staff, code, new NewComment("HIDDEN internal remark", Internal: true));
        await SignInAsync(owner, PortalRoles.BrandManager);

        // Even asked for staff tools, a member gets none: the service decides.
        var comments = Render<BrandComments>(p => p.Add(x => x.BrandCode, code).Add(x => x.StaffView, true));

        comments.WaitForAssertion(() => comments.FindAll("[data-testid='comment']").Count.ShouldBe(1));
        comments.Markup.ShouldContain("Visible to the brand");
        comments.Markup.ShouldNotContain("internal remark");
        comments.FindAll("[data-testid='internal-notes']").ShouldBeEmpty();
        comments.FindAll("[data-testid='comment-new-mention']").ShouldBeEmpty();
    }

    [Fact]
    public async Task BrandComments_ForStaff_ShowsInternalNotes_AndPostsOne()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("bunit-staff");
        await SignInAsync(DemoData.OperatorEmail, PortalRoles.SkaOperator);
        var comments = Render<BrandComments>(p => p.Add(x => x.BrandCode, code));
        comments.WaitForAssertion(() => comments.FindAll("[data-testid='internal-notes']").Count.ShouldBe(1));

        comments.Find("[data-testid='note-new-body'] textarea, textarea[data-testid='note-new-body']").Input("Check the licence scan");
        await comments.Find("[data-testid='note-new-post']").ClickAsync(new());

        comments.WaitForAssertion(() => comments.FindAll("[data-testid='internal-note']").Count.ShouldBe(1));
        (await _fixture.Comments.ThreadAsync(await _fixture.App.PrincipalAsync(owner), code))!.Public.ShouldBeEmpty();
        (await _fixture.InboxAsync(owner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Bell_WhenThePageChanges_ClosesItsPanel()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("bell-close");
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("Hello"));
        await SignInAsync(owner, PortalRoles.BrandManager);
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("1"));

        await bell.Find("[data-testid='notification-bell']").ClickAsync(new());
        popovers.WaitForAssertion(() => OpenPanel(popovers).ShouldHaveSingleItem());
        Expanded(bell).ShouldBe("true");

        // "See all notifications" is a plain link: the layout, and the bell, stay; the panel must not.
        Navigation.NavigateTo("/notifications");

        bell.WaitForAssertion(() => Expanded(bell).ShouldBe("false"));
        popovers.WaitForAssertion(() => OpenPanel(popovers).ShouldBeEmpty());
        popovers.FindAll("[data-testid='notification-item']").ShouldBeEmpty();
    }

    [Fact]
    public async Task Bell_ClickingAnItem_MarksItRead_OpensItsLink_AndClosesThePanel()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("bell-item");
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("Read me"));
        await SignInAsync(owner, PortalRoles.BrandManager);
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("1"));
        await bell.Find("[data-testid='notification-bell']").ClickAsync(new());
        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid='notification-item']").Count.ShouldBe(1));

        await popovers.Find("[data-testid='notification-item']").ClickAsync(new());

        bell.WaitForAssertion(() => Unread(bell).ShouldBe("0"));
        Navigation.Uri.ShouldEndWith(BrandCommentService.BrandPath(code));
        Expanded(bell).ShouldBe("false");
        popovers.WaitForAssertion(() => OpenPanel(popovers).ShouldBeEmpty());
    }

    [Fact]
    public async Task NotificationsPage_CountsOneNotification_ThenMany_InEnglish()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("summary");
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("One"));
        await SignInAsync(owner, PortalRoles.BrandManager);

        var page = Render<Portal.Web.Components.Pages.Notifications.NotificationsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid='notifications-summary']").TextContent.ShouldBe("1 notification, 1 unread"));
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("Two"));
        page.WaitForAssertion(() => page.Find("[data-testid='notifications-summary']").TextContent.ShouldBe("2 notifications, 2 unread"));
    }

    [Fact]
    public async Task NotificationsPage_InChinese_CountsWithoutPlural()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("summary-zh");
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("One"));
        await SignInAsync(owner, PortalRoles.BrandManager);
        UseCulture(PortalCultures.Chinese);

        var page = Render<Portal.Web.Components.Pages.Notifications.NotificationsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid='notifications-summary']").TextContent.ShouldBe("共 1 条通知，1 条未读"));
        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("Two"));
        page.WaitForAssertion(() => page.Find("[data-testid='notifications-summary']").TextContent.ShouldBe("共 2 条通知，2 条未读"));
    }

    [Fact]
    public async Task BrandComments_ForStaff_ShowTheBrandsReplyWithoutReload()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("live-staff");
        var staff = await _fixture.StaffAsync();
        var question = (await _fixture.Comments.PostAsync(staff, code, new NewComment("Still selling?"))).Value;
        await SignInAsync(DemoData.OperatorEmail, PortalRoles.SkaOperator);
        var comments = Render<BrandComments>(p => p.Add(x => x.BrandCode, code));
        comments.WaitForAssertion(() => comments.FindAll("[data-testid='comment']").Count.ShouldBe(1));
        comments.FindAll("[data-testid='comment-reply']").ShouldBeEmpty();

        // The brand answers from its own page (another circuit, or the API): the same service, another person.
        (await _fixture.Comments.PostAsync(await _fixture.App.PrincipalAsync(owner), code, new NewComment("Back on Monday.", question))).Succeeded.ShouldBeTrue();

        comments.WaitForAssertion(() => Replies(comments).ShouldBe("Back on Monday."));
    }

    [Fact]
    public async Task BrandComments_ForABrandMember_ShowNewCommentsWithoutReload_ButNeverAnInternalNote()
    {
        var (code, brandId, owner) = await _fixture.NewBrandAsync("live-brand");
        var staff = await _fixture.StaffAsync();
        await SignInAsync(owner, PortalRoles.BrandManager);
        var comments = Render<BrandComments>(p => p.Add(x => x.BrandCode, code).Add(x => x.StaffView, false));
        comments.WaitForAssertion(() => comments.FindAll("[data-testid='comments-empty']").Count.ShouldBe(1));
        _fixture.CommentHub.SubscriberCount(brandId).ShouldBe(1);

        await _fixture.Comments.PostAsync(staff, code, new NewComment("SECRET internal remark", Internal: true));
        await _fixture.Comments.PostAsync(staff, code, new NewComment("Please plan a stream"));

        comments.WaitForAssertion(() => Bodies(comments).ShouldBe("Please plan a stream"));
        comments.Markup.ShouldNotContain("SECRET");
        comments.FindAll("[data-testid='internal-notes']").ShouldBeEmpty();

        comments.Instance.Dispose();
        _fixture.CommentHub.SubscriberCount(brandId).ShouldBe(0);
    }

    [Fact]
    public async Task BrandComments_OnANavigationToTheSamePage_ReloadTheThread()
    {
        var (code, brandId, owner) = await _fixture.NewBrandAsync("same-page");
        await SignInAsync(DemoData.OperatorEmail, PortalRoles.SkaOperator);
        Navigation.NavigateTo($"/ops/brands/{code}");
        var comments = Render<BrandComments>(p => p.Add(x => x.BrandCode, code));
        comments.WaitForAssertion(() => comments.FindAll("[data-testid='comments-empty']").Count.ShouldBe(1));
        // A comment the live signal never announced (written around the service).
        var ownerId = await _fixture.UserIdAsync(owner);
        await _fixture.App.WithDbAsync(db =>
        {
            db.BrandComments.Add(new BrandComment { BrandId = brandId, AuthorUserId = ownerId, Body = "Written elsewhere" });
            return db.SaveChangesAsync();
        });

        // A notification's link to the page already open.
        Navigation.NavigateTo($"/ops/brands/{code}");

        comments.WaitForAssertion(() => Bodies(comments).ShouldBe("Written elsewhere"));
    }
}
