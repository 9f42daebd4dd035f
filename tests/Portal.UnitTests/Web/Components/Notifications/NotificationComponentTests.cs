using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Seeding;
using Portal.UnitTests.Core.Features.Notifications;
using Portal.Web.Components.Layout;
using Portal.Web.Components.Pages.Comments;

namespace Portal.UnitTests.Web.Components.Notifications;

/// <summary>The bell's live count and the comments component, against the real services and SQLite.</summary>
public sealed class NotificationComponentTests : PortalTestContext, IClassFixture<NotificationsApp>
{
    private readonly NotificationsApp _fixture;

    public NotificationComponentTests(NotificationsApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Centre);
        Services.AddSingleton(fixture.Hub);
        Services.AddSingleton(fixture.Comments);
    }

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

        await bell.Find("[data-testid='notification-bell']").ClickAsync(new());
        popovers.WaitForAssertion(() => popovers.FindAll("[data-testid='notification-item']").Count.ShouldBe(2));
        popovers.Markup.ShouldContain("wrote: Second");
        await popovers.Find("[data-testid='notifications-mark-all']").ClickAsync(new());
        bell.WaitForAssertion(() => Unread(bell).ShouldBe("0"));
    }

    [Fact]
    public async Task Bell_IsNotToldOfAnotherUsersNotifications_AndUnsubscribesWhenGone()
    {
        var (code, _, owner) = await _fixture.NewBrandAsync("bell-other");
        var (_, _, other) = await _fixture.NewBrandAsync("bell-mine");
        await SignInAsync(other, PortalRoles.BrandManager);
        var bell = Render<NotificationBell>();

        await _fixture.Comments.PostAsync(await _fixture.StaffAsync(), code, new NewComment("Not for you"));

        Unread(bell).ShouldBe("0");
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
}
