using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Notifications;

/// <summary>The brand's thread and staff's internal notes: who sees, who may write, who is told.</summary>
public sealed class BrandCommentTests(NotificationsApp fixture) : IClassFixture<NotificationsApp>
{
    [Fact]
    public async Task InternalNote_IsNeverShownToABrandMember_ButStaffSeeBoth()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("internal");
        var staff = await fixture.StaffAsync();
        var note = await fixture.Comments.PostAsync(staff, code, new NewComment("SECRET: suspect fake trademark", Internal: true));
        (await fixture.Comments.PostAsync(staff, code, new NewComment("SECRET reply", note.Value))).Succeeded.ShouldBeTrue();
        (await fixture.Comments.PostAsync(staff, code, new NewComment("Welcome to the portal"))).Succeeded.ShouldBeTrue();

        var brandView = await fixture.Comments.ThreadAsync(await fixture.App.PrincipalAsync(owner), code);
        var staffView = await fixture.Comments.ThreadAsync(staff, code);

        brandView.ShouldNotBeNull();
        brandView.ViewerIsStaff.ShouldBeFalse();
        brandView.InternalNotes.ShouldBeEmpty();
        brandView.Public.Select(c => c.Body).ShouldBe(["Welcome to the portal"]);
        brandView.Public.SelectMany(c => c.Replies).ShouldBeEmpty();
        staffView!.InternalNotes.ShouldHaveSingleItem().Replies.ShouldHaveSingleItem().IsInternal.ShouldBeTrue();
        staffView.Public.ShouldHaveSingleItem();
        // Nothing of the note reached the brand's centre either.
        (await fixture.InboxAsync(owner)).Select(n => n.Template).ShouldBe(["Comment_FromStaff"]);
    }

    [Fact]
    public async Task BrandMember_CannotWriteOrReplyToAnInternalNote()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("internal-write");
        var member = await fixture.App.PrincipalAsync(owner);
        var note = await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("Staff only", Internal: true));

        var write = await fixture.Comments.PostAsync(member, code, new NewComment("I want a note", Internal: true));
        var reply = await fixture.Comments.PostAsync(member, code, new NewComment("Replying to a note", note.Value));

        write.Succeeded.ShouldBeFalse();
        write.Errors.ShouldBe(["Only SKA staff can write internal notes."]);
        reply.Succeeded.ShouldBeFalse();
        reply.Errors.ShouldBe(["The comment you reply to was not found."]);
        (await fixture.App.WithDbAsync(db => db.BrandComments.CountAsync(c => c.BrandId == brandId))).ShouldBe(1);
    }

    [Fact]
    public async Task BrandReply_NotifiesTheStaffWhoTookPart_AndTheAccountManager()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("reply");
        var adminId = await fixture.UserIdAsync(DemoData.AdminEmail);
        await fixture.App.WithDbAsync(async db =>
        {
            (await db.Brands.SingleAsync(b => b.Id == brandId)).AccountManagerUserId = adminId;
            return await db.SaveChangesAsync();
        });
        var question = await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("When is your first stream?"));

        var reply = await fixture.Comments.PostAsync(await fixture.App.PrincipalAsync(owner), code, new NewComment("Next Friday", question.Value));

        reply.Succeeded.ShouldBeTrue(string.Join("; ", reply.Errors));
        (await fixture.InboxAsync(DemoData.OperatorEmail, brandId)).ShouldHaveSingleItem().Template.ShouldBe("Reply_FromBrand");
        (await fixture.InboxAsync(DemoData.AdminEmail, brandId)).ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.Comment);
        // The author is not told of their own words.
        (await fixture.InboxAsync(owner, brandId)).Select(n => n.Template).ShouldBe(["Comment_FromStaff"]);
    }

    [Fact]
    public async Task Mention_NotifiesTheMentionedColleague_Only()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("mention");
        var adminId = await fixture.UserIdAsync(DemoData.AdminEmail);

        var outcome = await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("@Portal Admin can you check the licence?", Internal: true, Mentions: [adminId]));

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        var mention = (await fixture.InboxAsync(DemoData.AdminEmail, brandId)).ShouldHaveSingleItem();
        mention.Kind.ShouldBe(NotificationKind.Mention);
        mention.Template.ShouldBe("Mention_Internal");
        mention.Link.ShouldBe($"/ops/brands/{code}");
        (await fixture.InboxAsync(owner, brandId)).ShouldBeEmpty();
        (await fixture.InboxAsync(DemoData.OperatorEmail, brandId)).ShouldBeEmpty();
        var thread = await fixture.Comments.ThreadAsync(await fixture.StaffAsync(), code);
        thread!.InternalNotes.ShouldHaveSingleItem().Mentions.ShouldBe(["Portal Admin"]);
    }

    [Fact]
    public async Task Mention_OfABrandManager_OrByABrandManager_IsRefused()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("mention-refused");
        var ownerId = await fixture.UserIdAsync(owner);
        var staffId = await fixture.UserIdAsync(DemoData.OperatorEmail);

        var ofManager = await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("Hi", Mentions: [ownerId]));
        var byManager = await fixture.Comments.PostAsync(await fixture.App.PrincipalAsync(owner), code, new NewComment("Hi", Mentions: [staffId]));

        ofManager.Errors.ShouldBe(["Only SKA staff can be mentioned."]);
        byManager.Errors.ShouldBe(["Only SKA staff can mention colleagues."]);
        (await fixture.Comments.MentionableAsync(await fixture.App.PrincipalAsync(owner), "")).ShouldBeEmpty();
        (await fixture.Comments.MentionableAsync(await fixture.StaffAsync(), "admin")).Select(s => s.Email).ShouldBe([DemoData.AdminEmail]);
    }

    [Fact]
    public async Task AnotherBrandsMember_IsRefused_AsIfTheBrandDidNotExist()
    {
        var (code, _, _) = await fixture.NewBrandAsync("cross");
        var (_, _, stranger) = await fixture.NewBrandAsync("cross-stranger");
        var comment = await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("Only for this brand"));
        var intruder = await fixture.App.PrincipalAsync(stranger);

        (await fixture.Comments.ThreadAsync(intruder, code)).ShouldBeNull();
        var post = await fixture.Comments.PostAsync(intruder, code, new NewComment("Let me in", comment.Value));
        post.Succeeded.ShouldBeFalse();
        post.Errors.ShouldBe(["The brand was not found."]);
        post.NotFound.ShouldBeTrue();
        (await fixture.Comments.ThreadAsync(intruder, "no-such-brand")).ShouldBeNull();
    }

    [Fact]
    public async Task InternalNoteUnderAPublicComment_IsRefused_RatherThanPublished()
    {
        var (code, brandId, owner) = await fixture.NewBrandAsync("note-under-public");
        var question = await fixture.Comments.PostAsync(await fixture.App.PrincipalAsync(owner), code, new NewComment("Is our licence fine?"));

        var note = await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("It is not", question.Value, Internal: true));

        note.Succeeded.ShouldBeFalse();
        note.NotFound.ShouldBeFalse();
        note.Errors.ShouldBe(["An internal note cannot reply to a public comment: its reply would be shown to the brand. Write a new internal note instead."]);
        (await fixture.App.WithDbAsync(db => db.BrandComments.CountAsync(c => c.BrandId == brandId))).ShouldBe(1);
    }

    [Fact]
    public async Task ReplyToACommentOfAnotherBrand_IsRefused()
    {
        var (code, _, _) = await fixture.NewBrandAsync("parent");
        var (otherCode, _, _) = await fixture.NewBrandAsync("parent-other");
        var staff = await fixture.StaffAsync();
        var foreign = await fixture.Comments.PostAsync(staff, otherCode, new NewComment("Other brand's comment"));

        var reply = await fixture.Comments.PostAsync(staff, code, new NewComment("Cross-thread reply", foreign.Value));

        reply.Errors.ShouldBe(["The comment you reply to was not found."]);
    }

    [Fact]
    public async Task MessagesPage_ForTheBrandsMember_ShowsTheThreadButNoInternalNote()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("page");
        var staff = await fixture.StaffAsync();
        await fixture.Comments.PostAsync(staff, code, new NewComment("PUBLIC-MARKER hello brand"));
        await fixture.Comments.PostAsync(staff, code, new NewComment("INTERNAL-MARKER do not show", Internal: true));
        using var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(owner);

        var html = WebUtility.HtmlDecode(await browser.Http.GetStringAsync($"/brands/{code}/messages"));

        html.ShouldContain("PUBLIC-MARKER hello brand");
        html.ShouldNotContain("INTERNAL-MARKER");
        html.ShouldNotContain("Internal notes");
    }

    [Fact]
    public async Task StaffCommentsPage_ShowsInternalNotes_ToStaff_AndIsClosedToBrandManagers()
    {
        var (code, _, owner) = await fixture.NewBrandAsync("staffpage");
        await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("INTERNAL-FOR-STAFF", Internal: true));
        using var staffBrowser = new BrowserClient(fixture.App);
        await staffBrowser.SignInAsync(DemoData.OperatorEmail);
        using var brandBrowser = new BrowserClient(fixture.App);
        (await brandBrowser.SignInAsync(owner)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var staffHtml = WebUtility.HtmlDecode(await staffBrowser.Http.GetStringAsync($"/ops/brands/{code}/comments"));
        var brandResponse = await brandBrowser.Http.GetAsync($"/ops/brands/{code}/comments");

        staffHtml.ShouldContain("INTERNAL-FOR-STAFF");
        brandResponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the staff area refuses anyone else");
        (await brandResponse.Content.ReadAsStringAsync()).ShouldNotContain("INTERNAL-FOR-STAFF");

        // Brand 360 hosts the same component: staff see the note there, the brand's manager gets no page.
        WebUtility.HtmlDecode(await staffBrowser.Http.GetStringAsync($"/ops/brands/{code}")).ShouldContain("INTERNAL-FOR-STAFF");
        var brand360 = await brandBrowser.Http.GetAsync($"/ops/brands/{code}");
        brand360.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await brand360.Content.ReadAsStringAsync()).ShouldNotContain("INTERNAL-FOR-STAFF");
    }

    [Fact]
    public async Task MessagesPage_ForAnotherBrandsMember_IsNotFound()
    {
        var (code, _, _) = await fixture.NewBrandAsync("page404");
        var (_, _, stranger) = await fixture.NewBrandAsync("page404-stranger");
        await fixture.Comments.PostAsync(await fixture.StaffAsync(), code, new NewComment("PRIVATE-THREAD"));
        using var browser = new BrowserClient(fixture.App);
        await browser.SignInAsync(stranger);

        var response = await browser.Http.GetAsync($"/brands/{code}/messages");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("PRIVATE-THREAD");
    }
}
