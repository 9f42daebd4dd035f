using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>With Messages delegated, staff's replies reach the provider's people who wrote in the thread, only while it runs.</summary>
public sealed class ProviderMessagesNotificationTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    private BrandCommentService Comments => fixture.Service<BrandCommentService>();

    [Fact]
    public async Task StaffReply_ToAThreadAProviderWroteIn_NotifiesItsPerson_WhileMessagesRun()
    {
        var (code, id, owner) = await fixture.NewBrandAsync("msg");
        var delegation = await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.Messages);
        var xiaoman = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.SmallProviderManagerEmail).Select(u => u.Id).SingleAsync());
        var root = await Comments.PostAsync(fixture.Provider2, code, new NewComment("Stock for the 11.11 stream?"));
        root.Errors.ShouldBeEmpty();

        (await Comments.PostAsync(fixture.Staff, code, new NewComment("Confirmed for Friday.", root.Value))).Errors.ShouldBeEmpty();

        var link = BrandCommentService.BrandPath(code);
        (await NotificationsAsync(xiaoman, id, link)).ShouldBe(1);
        // The link is a page they may open: the brand's messages, delegated.
        (await fixture.Service<BrandDirectory>().FindAccessibleAsync(fixture.Provider2, code)).ShouldNotBeNull().MayWork(DelegatedArea.Messages).ShouldBeTrue();

        (await fixture.Service<BrandDelegationService>().RevokeAsync(owner, code, delegation)).Succeeded.ShouldBeTrue();
        (await Comments.PostAsync(fixture.Staff, code, new NewComment("Shipped.", root.Value))).Errors.ShouldBeEmpty();

        (await NotificationsAsync(xiaoman, id, link)).ShouldBe(1);
    }

    [Fact]
    public async Task StaffReply_ToAThreadTheProviderDidNotWriteIn_DoesNotNotifyIt()
    {
        var (code, id, owner) = await fixture.NewBrandAsync("msg");
        await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.Messages);
        var xiaoman = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.SmallProviderManagerEmail).Select(u => u.Id).SingleAsync());
        var root = await Comments.PostAsync(owner, code, new NewComment("Owner's question"));

        (await Comments.PostAsync(fixture.Staff, code, new NewComment("Staff's answer", root.Value))).Errors.ShouldBeEmpty();

        (await NotificationsAsync(xiaoman, id, BrandCommentService.BrandPath(code))).ShouldBe(0);
    }

    private Task<int> NotificationsAsync(Guid userId, Guid brandId, string link) =>
        fixture.App.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.BrandId == brandId && n.Link == link));
}
