using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Links;
using Portal.Core.Features.Live;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Members;

namespace Portal.IntegrationTests.Web.Components.Brands;

/// <summary>
/// The members page of an owner of two brands, moved to the other brand through the router while its members are still
/// being read (held back by <see cref="ReadGate"/>): the first brand's people and buttons go at once, before the frame shows
/// the other brand's name above them (a Remove there would act under the other brand's code).
/// </summary>
public sealed class MembersPageSwitchTests : PortalTestContext, IClassFixture<DelegationApp>
{
    private readonly DelegationApp _fixture;

    public MembersPageSwitchTests(DelegationApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Service<BrandDirectory>());
        Services.AddSingleton(fixture.Service<ILiveUpdates>());
        Services.AddSingleton(fixture.Service<MembershipService>());
        Services.AddSingleton(fixture.Service<PublicLinks>());
    }

    [Fact]
    public async Task AnotherBrand_HidesThePreviousBrandsMembers_WhileItsOwnAreRead()
    {
        var (first, _, owner) = await _fixture.NewBrandAsync("mem");
        var (second, secondId) = await _fixture.SecondBrandAsync(first);
        SignInAs(owner, PortalRoles.BrandManager);
        var page = Render<MembersPage>(p => p.Add(x => x.Code, first));
        page.WaitForAssertion(() => page.FindAll("tbody tr").ShouldNotBeEmpty());

        // The frame reads the brand by its code; the members' reads after that carry the brand's id.
        using (var slow = _fixture.Reads.Hold(secondId))
        {
            page.Render(p => p.Add(x => x.Code, second));
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));

            page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldContain(second));
            page.FindAll("table").ShouldBeEmpty();
            page.FindAll(".mud-progress-linear").ShouldNotBeEmpty();
        }

        page.WaitForAssertion(() => page.FindAll("tbody tr").ShouldNotBeEmpty());
        page.FindAll(".mud-progress-linear").ShouldBeEmpty();
    }

    [Fact]
    public async Task ARemovalFinishingAfterASwitch_RemovesFromItsBrand_AndLeavesTheOtherBrandsPageAlone()
    {
        var (first, firstId, owner) = await _fixture.NewBrandAsync("mem");
        var (second, secondId) = await _fixture.SecondBrandAsync(first);
        var colleague = $"{first}-c@example.com";
        await TestBrands.CreateWithOwnerAsync(_fixture.App, $"{first}-3", colleague);
        var colleagueId = await _fixture.App.UserIdAsync(colleague);
        await _fixture.App.WithDbAsync(async db =>
        {
            db.BrandMembers.Add(new BrandMember { BrandId = firstId, UserId = colleagueId, Role = BrandMemberRole.Member });
            db.BrandMembers.Add(new BrandMember { BrandId = secondId, UserId = colleagueId, Role = BrandMemberRole.Member });
            return await db.SaveChangesAsync();
        });
        SignInAs(owner, PortalRoles.BrandManager);
        var page = Render<MembersPage>(p => p.Add(x => x.Code, first));
        page.WaitForAssertion(() => RemoveButton(page, colleague).ShouldNotBeNull());

        // The removal's first read carries the first brand's code: it waits while the page moves to the second brand.
        using var slow = _fixture.Reads.Hold(first);
        var removing = RemoveButton(page, colleague)!.ClickAsync(new());
        await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        page.Render(p => p.Add(x => x.Code, second));
        page.WaitForAssertion(() => RemoveButton(page, colleague).ShouldNotBeNull());

        await slow.LandAsync(() =>
        {
            page.Markup.ShouldNotContain("no longer has access");
            RemoveButton(page, colleague).ShouldNotBeNull();
        });
        await removing;

        var brands = await _fixture.App.WithDbAsync(db => db.BrandMembers.Where(m => m.UserId == colleagueId).Select(m => m.BrandId).ToListAsync());
        brands.ShouldNotContain(firstId);
        brands.ShouldContain(secondId);
    }

    [Fact]
    public async Task AnInvitationBeingSent_DisablesTheButtons_SoASecondClickSendsNothing()
    {
        var (code, brandId, owner) = await _fixture.NewBrandAsync("mem");
        SignInAs(owner, PortalRoles.BrandManager);
        var page = Render<MembersPage>(p => p.Add(x => x.Code, code));
        page.WaitForAssertion(() => page.FindAll("tbody tr").ShouldNotBeEmpty());
        page.Find("input[type='email']").Change($"{code}-new@example.com");

        // The invitation's first read carries the brand's code: it waits while the person clicks again.
        using (var slow = _fixture.Reads.Hold(code))
        {
            var sending = page.Find("[data-testid='member-invite-send']").ClickAsync(new());
            await slow.Reached.WaitAsync(TimeSpan.FromSeconds(10));
            page.WaitForAssertion(() => page.Find("[data-testid='member-invite-send']").HasAttribute("disabled").ShouldBeTrue());
            page.FindAll("button").Where(b => b.TextContent.Contains("Remove")).ShouldAllBe(b => b.HasAttribute("disabled"));
            await page.Find("[data-testid='member-invite-send']").ClickAsync(new());
            slow.Release();
            await sending;
        }

        page.WaitForAssertion(() => page.Find("[data-testid='member-invite-send']").HasAttribute("disabled").ShouldBeFalse());
        (await _fixture.App.WithDbAsync(db => db.BrandInvitations.CountAsync(i => i.BrandId == brandId))).ShouldBe(1);
    }

    private static AngleSharp.Dom.IElement? RemoveButton(IRenderedComponent<MembersPage> page, string email) =>
        page.FindAll("button").SingleOrDefault(b => b.GetAttribute("aria-label")?.Contains(email) == true && b.TextContent.Contains("Remove"));
}
