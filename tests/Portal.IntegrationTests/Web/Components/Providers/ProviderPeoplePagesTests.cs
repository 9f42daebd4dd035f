using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.Providers;
using Portal.Web.Components.Pages.Providers;

namespace Portal.IntegrationTests.Web.Components.Providers;

/// <summary>The pages of a provider's own people: applying, and managing colleagues.</summary>
public sealed class ProviderPeoplePagesTests : PortalTestContext, IClassFixture<ProvidersApp>
{
    private readonly ProvidersApp _fixture;

    public ProviderPeoplePagesTests(ProvidersApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.Registration);
        Services.AddSingleton(fixture.People);
    }

    private async Task SignInAsync(string email, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, (await _fixture.UserIdAsync(email)).ToString()));
    }

    private static AngleSharp.Dom.IElement Field<T>(IRenderedComponent<T> page, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"input[data-testid='{testId}'], [data-testid='{testId}'] input");

    [Fact]
    public async Task ApplyPage_SendsTheApplication_ThenShowsItWaitingForReview()
    {
        var person = await _fixture.NewPersonAsync("apply-page");
        await SignInAsync(person, PortalRoles.BrandManager);
        var code = ProvidersApp.Unique("apply-ui");
        var page = Render<ProviderApplyPage>();
        page.WaitForAssertion(() => Field(page, "provider-contact-email").GetAttribute("value").ShouldBe(person));

        await page.InvokeAsync(() => Field(page, "provider-name-zh").Change("申请服务商"));
        await page.InvokeAsync(() => Field(page, "provider-name-en").Change("Applying Agency"));
        await page.InvokeAsync(() => Field(page, "provider-code").Change(code));
        await page.InvokeAsync(() => Field(page, "provider-company").Change("申请有限公司"));
        await page.InvokeAsync(() => page.FindAll("[data-testid='provider-capabilities'] input[type='checkbox']")[1].Change(true));
        await page.InvokeAsync(() => Field(page, "provider-contact-name").Change("王五"));
        await page.InvokeAsync(() => page.Find("[data-testid='apply-submit']").Click());

        page.WaitForAssertion(() => page.Find("[data-testid='apply-status']").TextContent.ShouldContain("Your application is waiting for SKA staff's review."));
        page.Find("[data-testid='success']").TextContent.ShouldBe("Application sent. SKA staff will review it.");
        var mine = (await _fixture.Registration.MineAsync(await _fixture.PrincipalAsync(person)))!;
        (mine.Code, mine.Status, mine.Role).ShouldBe((code, ProviderStatus.Applied, ProviderRole.Manager));
    }

    [Fact]
    public async Task ApplyPage_AfterARejection_OffersTheFormWithTheProvidersCode_WhichCannotBeChanged()
    {
        var (code, manager) = await _fixture.AppliedAsync();
        (await _fixture.Decisions.DecideAsync(await _fixture.PrincipalAsync(DemoData.AdminEmail), code, ProviderDecision.Reject, "Licence missing.")).Succeeded.ShouldBeTrue();
        await SignInAsync(manager, PortalRoles.Provider);

        var page = Render<ProviderApplyPage>();

        page.WaitForAssertion(() => Field(page, "provider-code").GetAttribute("value").ShouldBe(code));
        Field(page, "provider-code").HasAttribute("readonly").ShouldBeTrue();
    }

    [Fact]
    public async Task ApplyPage_ForStaff_SaysStaffRegisterProvidersInstead()
    {
        await SignInAsync(DemoData.OperatorEmail, PortalRoles.SkaOperator);

        var page = Render<ProviderApplyPage>();

        page.WaitForAssertion(() => page.Find("[data-testid='apply-staff']"));
        page.FindAll("[data-testid='apply-submit']").ShouldBeEmpty();
    }

    [Fact]
    public async Task PeoplePage_ForTheManager_InvitesAColleague_AndListsThePendingInvitation()
    {
        var (_, manager) = await _fixture.ActiveAsync();
        await SignInAsync(manager, PortalRoles.Provider);
        var page = Render<ProviderPeoplePage>();
        page.WaitForAssertion(() => page.Find("[data-testid='people-invite']"));

        await page.InvokeAsync(() => Field(page, "invite-email").Change("colleague.ui@example.com"));
        await page.InvokeAsync(() => page.Find("[data-testid='invite-send']").Click());

        // The notice shows as soon as the invitation is made; the list once the page has read it again.
        page.WaitForAssertion(() => page.Find("[data-testid='success']").TextContent.ShouldBe("Invitation sent to colleague.ui@example.com."));
        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid='people-pending']").TextContent.ShouldContain("colleague.ui@example.com");
            page.Find("[data-testid='people-pending']").TextContent.ShouldContain("Provider operator");
        });

        await page.InvokeAsync(() => page.Find("[data-testid='revoke-invitation']").Click());

        page.WaitForAssertion(() => page.FindAll("[data-testid='people-pending']").ShouldBeEmpty());
    }

    [Fact]
    public async Task PeoplePage_AnInvitationBeingSent_DisablesInviteAndRevoke_SoASecondClickDoesNothing()
    {
        var (_, manager) = await _fixture.ActiveAsync();
        var managerId = await _fixture.UserIdAsync(manager);
        await _fixture.InviteAsync(manager, $"pending-{Guid.NewGuid():N}@example.com");
        await SignInAsync(manager, PortalRoles.Provider);
        var page = Render<ProviderPeoplePage>();
        page.WaitForAssertion(() => page.Find("[data-testid='people-invite']"));
        var address = $"twice-{Guid.NewGuid():N}@example.com";
        await page.InvokeAsync(() => Field(page, "invite-email").Change(address));

        // The invitation first checks that its sender manages the provider (a read by their id): it waits there.
        using (var held = _fixture.Reads.Hold(managerId))
        {
            var sending = page.InvokeAsync(() => page.Find("[data-testid='invite-send']").Click());
            await held.Reached.WaitAsync(TimeSpan.FromSeconds(10));
            page.WaitForAssertion(() => page.Find("[data-testid='invite-send']").HasAttribute("disabled").ShouldBeTrue());
            page.Find("[data-testid='revoke-invitation']").HasAttribute("disabled").ShouldBeTrue("a revoke would act on a list about to change");
            await page.InvokeAsync(() => page.Find("[data-testid='invite-send']").Click());
            held.Release();
            await sending;
        }

        page.WaitForAssertion(() => page.Find("[data-testid='invite-send']").HasAttribute("disabled").ShouldBeFalse());
        (await _fixture.App.WithDbAsync(db => db.ProviderInvitations.CountAsync(i => i.Email == address))).ShouldBe(1);
    }

    [Fact]
    public async Task PeoplePage_ForAnOperator_ListsThePeopleWithoutActions()
    {
        await SignInAsync(DemoData.ProviderOperatorEmail, PortalRoles.Provider);

        var page = Render<ProviderPeoplePage>();

        page.WaitForAssertion(() => page.Find("[data-testid='provider-members-table']").TextContent.ShouldContain(DemoData.ProviderManagerEmail));
        page.Find("[data-testid='people-readonly']").TextContent.ShouldBe("Only the provider's manager can invite or remove people.");
        page.FindAll("[data-testid='people-invite']").ShouldBeEmpty();
        page.FindAll("[data-testid='remove-member']").ShouldBeEmpty();
    }

    [Fact]
    public async Task PeoplePage_ForSomeoneOutsideEveryProvider_PointsToTheApplication()
    {
        var person = await _fixture.NewPersonAsync("outsider");
        await SignInAsync(person, PortalRoles.BrandManager);

        var page = Render<ProviderPeoplePage>();

        page.WaitForAssertion(() => page.Find("[data-testid='people-none']").TextContent.ShouldBe("You do not belong to a service provider."));
        page.Find("a[href='/providers/apply']");
    }
}
