using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>How providers come in: staff register them, people apply and staff decide; bad input writes nothing.</summary>
public sealed class ProviderRegistrationTests(ProvidersApp fixture) : IClassFixture<ProvidersApp>
{
    private Task<int> ProviderCountAsync() => fixture.App.WithDbAsync(db => db.Providers.CountAsync());

    [Fact]
    public async Task Register_ByStaff_IsActiveAtOnce_AndListed()
    {
        var code = ProvidersApp.Unique("reg");
        var before = fixture.App.Clock.GetUtcNow();
        var staff = await fixture.PrincipalAsync(DemoData.OperatorEmail);

        var outcome = await fixture.Registration.RegisterAsync(staff, ProvidersApp.Form(code.ToUpperInvariant()));

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        outcome.Value.ShouldBe(code);
        var details = (await fixture.Directory.FindAsync(staff, code)).ShouldNotBeNull();
        details.Status.ShouldBe(ProviderStatus.Active);
        details.DecidedAt.ShouldNotBeNull().ShouldBeInRange(before, fixture.App.Clock.GetUtcNow());
        details.Capabilities.ShouldBe(ProviderCapability.LiveOperations | ProviderCapability.SupplyChain);
        details.ContactEmail.ShouldBe($"{code}@example.com");
        details.Members.ShouldBeEmpty();
        (await fixture.Directory.ListAsync(staff, ProviderStatus.Active))!.Select(r => r.Code).ShouldContain(code);
    }

    public static TheoryData<string, Action<ProviderForm>, string> BadForms() => new()
    {
        { "bad code", f => f.Code = "No Spaces!", "The provider code must be 3 to 40 lower-case letters, digits or single hyphens, for example farsail." },
        { "reserved code", f => f.Code = "register", "The provider code must be 3 to 40 lower-case letters, digits or single hyphens, for example farsail." },
        { "no Chinese name", f => f.NameZh = "  ", "Chinese name is required." },
        { "no English name", f => f.NameEn = "", "English name is required." },
        { "no company", f => f.CompanyName = "", "Company name is required." },
        { "no capability", f => f.Capabilities = ProviderCapability.None, "Choose at least one of the five capabilities." },
        { "unknown capability", f => f.Capabilities = (ProviderCapability)64, "Choose at least one of the five capabilities." },
        { "no contact", f => f.ContactName = "", "Contact person is required." },
        { "no e-mail", f => f.ContactEmail = "", "Contact e-mail is required." },
        { "bad e-mail", f => f.ContactEmail = "not-an-address", "Contact e-mail: enter a valid e-mail address." },
        { "long name", f => f.NameEn = new string('x', 201), "English name can be at most 200 characters." },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task Register_WithBadInput_IsRefusedWithTheReason_AndWritesNothing(string _, Action<ProviderForm> spoil, string message)
    {
        var form = ProvidersApp.Form(ProvidersApp.Unique("bad"));
        spoil(form);
        var before = await ProviderCountAsync();

        var outcome = await fixture.Registration.RegisterAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail), form);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldContain(message);
        (await ProviderCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Register_InChinese_RefusesInChinese()
    {
        using var _ = PortalCultures.Use(PortalCultures.Chinese);
        var form = ProvidersApp.Form(ProvidersApp.Unique("zh"));
        form.Capabilities = ProviderCapability.None;

        var outcome = await fixture.Registration.RegisterAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail), form);

        outcome.Errors.ShouldBe(["请至少选择五项服务能力中的一项。"]);
    }

    [Fact]
    public async Task Register_WithATakenCode_IsRefused()
    {
        var before = await ProviderCountAsync();

        var outcome = await fixture.Registration.RegisterAsync(await fixture.PrincipalAsync(DemoData.AdminEmail), ProvidersApp.Form(DemoData.ProviderCode));

        outcome.Errors.ShouldBe([$"The provider code '{DemoData.ProviderCode}' is already taken. Choose another one."]);
        (await ProviderCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(DemoData.BrandManagerEmail)]
    [InlineData(DemoData.ProviderManagerEmail)]
    public async Task Register_ByNonStaff_IsRefused(string email)
    {
        var before = await ProviderCountAsync();

        var outcome = await fixture.Registration.RegisterAsync(await fixture.PrincipalAsync(email), ProvidersApp.Form(ProvidersApp.Unique("nonstaff")));

        outcome.Errors.ShouldBe(["Only SKA staff can do this."]);
        (await ProviderCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Apply_MakesAnAppliedProvider_WithTheApplicantAsManagerAndProviderRole_AndTellsStaff()
    {
        var (code, manager) = await fixture.AppliedAsync();

        var mine = (await fixture.Registration.MineAsync(await fixture.PrincipalAsync(manager))).ShouldNotBeNull();
        mine.Code.ShouldBe(code);
        mine.Status.ShouldBe(ProviderStatus.Applied);
        mine.Role.ShouldBe(ProviderRole.Manager);
        (await fixture.HasProviderRoleAsync(manager)).ShouldBeTrue();
        var staffId = await fixture.UserIdAsync(DemoData.OperatorEmail);
        (await fixture.App.WithDbAsync(db => db.Notifications.AnyAsync(n => n.RecipientUserId == staffId && n.Template == "ProviderApplication_Submitted" && n.Link == $"/ops/providers/{code}")))
            .ShouldBeTrue();
        var list = (await fixture.Directory.ListAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail)))!;
        list[0].Status.ShouldBe(ProviderStatus.Applied, "applications waiting for review come first");
    }

    [Fact]
    public async Task Apply_ByAPersonAlreadyInAProvider_OrByStaff_IsRefused()
    {
        var before = await ProviderCountAsync();

        var member = await fixture.Registration.ApplyAsync(await fixture.PrincipalAsync(DemoData.ProviderOperatorEmail), ProvidersApp.Form(ProvidersApp.Unique("twice")));
        var staff = await fixture.Registration.ApplyAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail), ProvidersApp.Form(ProvidersApp.Unique("staff")));

        member.Errors.ShouldBe([$"You already belong to the provider {DemoData.ProviderNameEn}. A person can work for one provider only."]);
        staff.Succeeded.ShouldBeFalse();
        (await ProviderCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Approve_ByStaff_ActivatesTheProvider_AndTellsItsManager()
    {
        var (code, manager) = await fixture.AppliedAsync();

        var outcome = await fixture.Decisions.DecideAsync(await fixture.PrincipalAsync(DemoData.OperatorEmail), code, ProviderDecision.Approve, null);

        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
        (await fixture.Registration.MineAsync(await fixture.PrincipalAsync(manager)))!.Status.ShouldBe(ProviderStatus.Active);
        var managerId = await fixture.UserIdAsync(manager);
        var notice = await fixture.App.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientUserId == managerId));
        notice.Kind.ShouldBe(NotificationKind.ApplicationDecision);
        notice.Template.ShouldBe("ProviderApplication_Approve");
        (await fixture.App.WithDbAsync(db => db.OutgoingEmails.AnyAsync(e => e.To == manager && e.Subject == $"Provider {code}: provider application approved"))).ShouldBeTrue();
    }

    [Fact]
    public async Task Reject_NeedsAReason_ThenRejects_AndTheManagerMayApplyAgain()
    {
        var (code, manager) = await fixture.AppliedAsync();
        var staff = await fixture.PrincipalAsync(DemoData.AdminEmail);

        var withoutReason = await fixture.Decisions.DecideAsync(staff, code, ProviderDecision.Reject, "  ");
        var rejected = await fixture.Decisions.DecideAsync(staff, code, ProviderDecision.Reject, "Company licence missing.");
        var again = await fixture.Decisions.DecideAsync(staff, code, ProviderDecision.Approve, null);

        withoutReason.Errors.ShouldBe(["Give a reason for rejecting the application."]);
        rejected.Succeeded.ShouldBeTrue();
        again.Errors.ShouldBe(["This provider is not waiting for a decision (it is Rejected)."]);
        var mine = (await fixture.Registration.MineAsync(await fixture.PrincipalAsync(manager)))!;
        mine.Status.ShouldBe(ProviderStatus.Rejected);
        mine.DecisionReason.ShouldBe("Company licence missing.");
        var managerId = await fixture.UserIdAsync(manager);
        var notice = await fixture.App.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientUserId == managerId));
        fixture.App.Services.GetRequiredService<NotificationService>().Render(notice.Template, null, notice.Args).Body
            .ShouldBe($"SKA staff rejected the provider application of Provider {code}. Reason: Company licence missing.");

        var corrected = ProvidersApp.Form(code);
        corrected.CompanyName = "Corrected Ltd";
        (await fixture.Registration.ApplyAsync(await fixture.PrincipalAsync(manager), corrected)).Succeeded.ShouldBeTrue();
        mine = (await fixture.Registration.MineAsync(await fixture.PrincipalAsync(manager)))!;
        mine.Status.ShouldBe(ProviderStatus.Applied);
        mine.DecisionReason.ShouldBeNull();
    }

    [Fact]
    public async Task ApplyingTwiceAtOnce_UnderTwoCodes_MakesOneProvider_AndTellsTheOtherTabWhy()
    {
        // Both tabs read that the person belongs to no provider; the second insert then hits one-provider-per-person,
        // which used to be answered "code ... is taken" about a code nobody had.
        var email = await fixture.NewPersonAsync("two-tabs");
        var principal = await fixture.PrincipalAsync(email);

        var outcomes = await fixture.Reads.TogetherAsync(await fixture.UserIdAsync(email),
            () => fixture.Registration.ApplyAsync(principal, ProvidersApp.Form(ProvidersApp.Unique("tab-a"))),
            () => fixture.Registration.ApplyAsync(principal, ProvidersApp.Form(ProvidersApp.Unique("tab-b"))));

        outcomes.Count(o => o.Succeeded).ShouldBe(1);
        // At once, the second insert hits one-provider-per-person; on a loaded machine the second may instead read after
        // the first saved and be told where the person already belongs. Never "code taken".
        var refusal = outcomes.Single(o => !o.Succeeded).Errors.ShouldHaveSingleItem();
        refusal.ShouldEndWith("A person can work for one provider only.");
        refusal.ShouldNotContain("taken");
        (await fixture.Registration.MineAsync(principal)).ShouldNotBeNull().Code.ShouldBe(outcomes.Single(o => o.Succeeded).Value);
    }

    [Fact]
    public async Task ApplyingAgain_UnderAnotherCode_IsRefused_SoTheCodeIsNeverFreedForAnotherCompany()
    {
        // An API client made for the provider names it by code: a code given up here could be registered by another
        // company, and the client would reach that company's brands.
        var (code, manager) = await fixture.AppliedAsync();
        (await fixture.Decisions.DecideAsync(await fixture.PrincipalAsync(DemoData.AdminEmail), code, ProviderDecision.Reject, "Licence missing.")).Succeeded.ShouldBeTrue();

        var renamed = await fixture.Registration.ApplyAsync(await fixture.PrincipalAsync(manager), ProvidersApp.Form(ProvidersApp.Unique("renamed")));

        renamed.Errors.ShouldBe([$"A provider keeps the code it first applied with: apply again with the code {code}."]);
        var mine = (await fixture.Registration.MineAsync(await fixture.PrincipalAsync(manager)))!;
        (mine.Code, mine.Status).ShouldBe((code, ProviderStatus.Rejected));
    }

    [Fact]
    public async Task TwoDecisionsAtOnce_OneIsSaved_TheOtherIsRefused_AndTheManagerHearsOnce()
    {
        var (code, manager) = await fixture.AppliedAsync();
        var id = await fixture.App.WithDbAsync(db => db.Providers.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
        var operatorStaff = await fixture.PrincipalAsync(DemoData.OperatorEmail);
        var admin = await fixture.PrincipalAsync(DemoData.AdminEmail);

        // Both read the provider as Applied, then wait at their next read (its members, by the provider's id).
        var outcomes = await fixture.Reads.TogetherAsync(id,
            () => fixture.Decisions.DecideAsync(operatorStaff, code, ProviderDecision.Approve, null),
            () => fixture.Decisions.DecideAsync(admin, code, ProviderDecision.Reject, "No licence."));

        outcomes.Count(o => o.Succeeded).ShouldBe(1);
        outcomes.Single(o => !o.Succeeded).Errors.ShouldBe(["Someone else changed this application meanwhile; nothing was saved. Reload the page to see it as it is now."]);
        var status = (await fixture.Registration.MineAsync(await fixture.PrincipalAsync(manager)))!.Status;
        status.ShouldBe(outcomes[0].Succeeded ? ProviderStatus.Active : ProviderStatus.Rejected);
        var managerId = await fixture.UserIdAsync(manager);
        (await fixture.App.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == managerId))).ShouldBe(1);
    }

    [Theory]
    [InlineData(DemoData.BrandManagerEmail)]
    [InlineData(DemoData.ProviderManagerEmail)]
    public async Task Decide_ByNonStaff_IsRefused_AndChangesNothing(string email)
    {
        var (code, manager) = await fixture.AppliedAsync();

        var approve = await fixture.Decisions.DecideAsync(await fixture.PrincipalAsync(email), code, ProviderDecision.Approve, null);
        var ownApproval = await fixture.Decisions.DecideAsync(await fixture.PrincipalAsync(manager), code, ProviderDecision.Approve, null);

        approve.Errors.ShouldBe(["Only SKA staff can do this."]);
        ownApproval.Errors.ShouldBe(["Only SKA staff can do this."]);
        (await fixture.Registration.MineAsync(await fixture.PrincipalAsync(manager)))!.Status.ShouldBe(ProviderStatus.Applied);
    }

    [Fact]
    public async Task Directory_ForNonStaff_ShowsNothing()
    {
        var brand = await fixture.PrincipalAsync(DemoData.BrandManagerEmail);

        (await fixture.Directory.ListAsync(brand)).ShouldBeNull();
        (await fixture.Directory.FindAsync(brand, DemoData.ProviderCode)).ShouldBeNull();
        (await fixture.Directory.FindAsync(await fixture.PrincipalAsync(DemoData.ProviderManagerEmail), DemoData.ProviderCode)).ShouldBeNull();
    }

    [Fact]
    public async Task Directory_ShowsTheDemoProviderWithItsPeopleAndTheBrandItServes()
    {
        var staff = await fixture.PrincipalAsync(DemoData.OperatorEmail);

        var row = (await fixture.Directory.ListAsync(staff))!.Single(r => r.Code == DemoData.ProviderCode);
        var details = (await fixture.Directory.FindAsync(staff, DemoData.ProviderCode))!;

        row.Members.ShouldBe(2);
        row.BrandsServed.ShouldBe(1);
        details.Members.Select(m => (m.Email, m.Role)).ShouldBe([(DemoData.ProviderManagerEmail, ProviderRole.Manager), (DemoData.ProviderOperatorEmail, ProviderRole.Operator)]);
        var current = details.Current.ShouldHaveSingleItem();
        current.BrandCode.ShouldBe(DemoData.BrandCode);
        current.Areas.ShouldBe(DelegatedArea.StreamPlans | DelegatedArea.StepsTasks | DelegatedArea.MetricsImport);
        current.LastDay.ShouldBeNull();
        details.Others.ShouldBeEmpty();
    }
}
