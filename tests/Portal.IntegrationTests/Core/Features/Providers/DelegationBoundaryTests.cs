using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Home;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Providers;
using Portal.Core.Features.Streams;
using Portal.Core.Features.TrustCard;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Applications;
using Portal.IntegrationTests.Core.Features.Documents;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>
/// A provider's person on Cloud Tea (stream plans, STEPS tasks, metrics import delegated) works in those areas and
/// nowhere else; Silver Moon (not served) answers as if it did not exist, in every service; refusals write nothing.
/// </summary>
public sealed class DelegationBoundaryTests(DelegationApp fixture) : IClassFixture<DelegationApp>
{
    private static Stream Csv(params string[] rows) => new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend("brand,date,gmv")) + "\n"));

    [Fact]
    public async Task FindAccessible_ProviderOnServedBrand_HasItsAreas_OnOtherBrand_Null()
    {
        var brands = fixture.Service<BrandDirectory>();

        var tea = (await brands.FindAccessibleAsync(fixture.Provider, "demo-tea")).ShouldNotBeNull();
        var moon = await brands.FindAccessibleAsync(fixture.Provider, DelegationApp.SilverMoon);

        tea.MyRole.ShouldBeNull();
        tea.Provider.ShouldNotBeNull().Areas.ShouldBe(DelegatedArea.StreamPlans | DelegatedArea.StepsTasks | DelegatedArea.MetricsImport);
        tea.Sees(DelegatedArea.StreamPlans).ShouldBeTrue();
        tea.Sees(DelegatedArea.Documents).ShouldBeFalse();
        tea.Sees(DelegatedArea.None).ShouldBeFalse();
        moon.ShouldBeNull();
    }

    [Fact]
    public async Task StreamPlans_Delegated_ProviderPlans_OnSilverMoon_RefusedAndNothingWritten()
    {
        var streams = fixture.Service<StreamPlanService>();
        var start = fixture.App.Clock.GetUtcNow().AddDays(3);

        var created = await streams.CreateAsync(fixture.Provider, fixture.DemoTeaId, StreamsApp.EmptyPlan(start, "By Farsail"));
        var moonBefore = await fixture.App.WithDbAsync(db => db.StreamPlans.CountAsync(p => p.BrandId == fixture.SilverMoonId));
        var refused = await streams.CreateAsync(fixture.Provider, fixture.SilverMoonId, StreamsApp.EmptyPlan(start, "Not ours"));

        created.Errors.ShouldBeEmpty();
        (await streams.FindAsync(fixture.Provider, fixture.DemoTeaId, created.Value)).ShouldNotBeNull().CanEdit.ShouldBeTrue();
        refused.Succeeded.ShouldBeFalse();
        (await fixture.App.WithDbAsync(db => db.StreamPlans.CountAsync(p => p.BrandId == fixture.SilverMoonId))).ShouldBe(moonBefore);
        var day = Portal.Core.PlatformTime.DayOf(start);
        (await streams.WeekAsync(fixture.Provider, fixture.SilverMoonId, day)).ShouldBeNull();
        (await streams.WeekAsync(fixture.Provider, fixture.DemoTeaId, day)).ShouldNotBeNull();
    }

    [Fact]
    public async Task StreamPlannedByTheProvider_TheBrandsOwnerSeesWhoPlannedIt_WithTheirProvider()
    {
        var streams = fixture.Service<StreamPlanService>();
        var created = await streams.CreateAsync(fixture.Provider, fixture.DemoTeaId, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(4), "Planned by Farsail"));
        var ownPlan = await streams.CreateAsync(fixture.Owner, fixture.DemoTeaId, StreamsApp.EmptyPlan(fixture.App.Clock.GetUtcNow().AddDays(5), "Planned by the owner"));

        using (PortalCultures.Use("en"))
        {
            (await streams.FindAsync(fixture.Owner, fixture.DemoTeaId, created.Value)).ShouldNotBeNull().PlannedBy.ShouldBe("远帆 运营经理 Zhou Fan · Farsail Operations");
            (await streams.FindAsync(fixture.Owner, fixture.DemoTeaId, ownPlan.Value)).ShouldNotBeNull().PlannedBy.ShouldBe("云茶品牌经理 Lin Yun");
        }

        using (PortalCultures.Use("zh-CN"))
        {
            (await streams.FindAsync(fixture.Owner, fixture.DemoTeaId, created.Value)).ShouldNotBeNull().PlannedBy.ShouldBe("远帆 运营经理 Zhou Fan · 远帆代运营");
        }
    }

    [Fact]
    public async Task StepsTasks_Delegated_ProviderCompletesTask_NamedWithProvider_OnSilverMoon_Refused()
    {
        var journey = fixture.Service<JourneyService>();
        var operatorId = await fixture.App.UserIdAsync(Portal.Core.Features.Seeding.DemoData.ProviderOperatorEmail);
        var code = JourneyTestApp.Codes(StepsArea.Traffic)[0];

        var done = await journey.SetTaskStatusAsync(fixture.DemoTeaId, code, BrandTaskStatus.Done, null, CompletionSource.Manual, operatorId);
        var refused = await journey.SetTaskStatusAsync(fixture.SilverMoonId, code, BrandTaskStatus.Done, null, CompletionSource.Manual, operatorId);

        done.Errors.ShouldBeEmpty();
        refused.Succeeded.ShouldBeFalse();
        (await fixture.App.RowAsync(fixture.SilverMoonId, code))?.CompletedByUserId.ShouldNotBe(operatorId);
        using (PortalCultures.Use(PortalCultures.Chinese))
        {
            var board = (await journey.GetBoardAsync(fixture.Provider, "demo-tea")).ShouldNotBeNull();
            board.CanChange.ShouldBeTrue();
            board.Areas.SelectMany(a => a.Tasks).Single(t => t.Code == code).CompletedByName.ShouldBe("远帆 主播运营 He Jia · 远帆代运营");
        }

        (await journey.GetBoardAsync(fixture.Provider, DelegationApp.SilverMoon)).ShouldBeNull();
    }

    [Fact]
    public async Task MetricsImport_Delegated_ProviderImportsTheBrandsFigures_SilverMoonRefused()
    {
        var import = fixture.Service<MetricsCsvImport>();

        var ok = await import.ImportAsync(fixture.Provider, Csv("demo-tea,2026-07-01,10"), fixture.DemoTeaId);
        var refused = await import.ImportAsync(fixture.Provider, Csv("silver-moon,2026-07-01,10"), fixture.SilverMoonId);
        var everyBrand = await import.ImportAsync(fixture.Provider, Csv("silver-moon,2026-07-02,10"), null);

        ok.Succeeded.ShouldBeTrue();
        refused.Succeeded.ShouldBeFalse();
        everyBrand.Succeeded.ShouldBeFalse();
        (await fixture.App.WithDbAsync(db => db.DailyMetrics.CountAsync(m => m.BrandId == fixture.SilverMoonId && m.Date >= new DateOnly(2026, 7, 1) && m.Date <= new DateOnly(2026, 7, 2)))).ShouldBe(0);
    }

    [Fact]
    public async Task Documents_NotDelegated_ChecklistAndUploadRefused_NothingWritten()
    {
        var before = await fixture.App.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == fixture.DemoTeaId));

        var upload = await fixture.Service<DocumentFileService>().UploadAsync(fixture.Provider, "demo-tea", DocumentsAppFixture.Trademark(), new MemoryStream(TestFiles.UniquePng("farsail")));

        upload.Succeeded.ShouldBeFalse();
        (await fixture.Service<DocumentChecklistService>().ChecklistAsync(fixture.Provider, "demo-tea")).ShouldBeNull();
        (await fixture.Service<DocumentChecklistService>().ChecklistAsync(fixture.Provider, DelegationApp.SilverMoon)).ShouldBeNull();
        (await fixture.App.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == fixture.DemoTeaId))).ShouldBe(before);
        var anyDocument = await fixture.App.WithDbAsync(db => db.Documents.Where(d => d.BrandId == fixture.DemoTeaId).Select(d => d.Id).FirstAsync());
        (await fixture.Service<DocumentFileService>().OpenFileAsync(fixture.Provider, anyDocument)).ShouldBeNull();
    }

    [Fact]
    public async Task Messages_NotDelegated_ThreadAndPostRefused_NothingWritten()
    {
        var comments = fixture.Service<BrandCommentService>();
        var before = await fixture.App.WithDbAsync(db => db.BrandComments.CountAsync());

        var post = await comments.PostAsync(fixture.Provider, "demo-tea", new NewComment("From Farsail"));
        var moonPost = await comments.PostAsync(fixture.Provider, DelegationApp.SilverMoon, new NewComment("From Farsail"));

        post.Succeeded.ShouldBeFalse();
        moonPost.Succeeded.ShouldBeFalse();
        (await comments.ThreadAsync(fixture.Provider, "demo-tea")).ShouldBeNull();
        (await fixture.App.WithDbAsync(db => db.BrandComments.CountAsync())).ShouldBe(before);
    }

    [Theory]
    [InlineData("demo-tea")]
    [InlineData(DelegationApp.SilverMoon)]
    public async Task MembersOnlyParts_RefuseTheProvider_NothingWritten(string code)
    {
        var user = fixture.Provider;
        var brandId = code == "demo-tea" ? fixture.DemoTeaId : fixture.SilverMoonId;
        var invitations = await fixture.App.WithDbAsync(db => db.BrandInvitations.CountAsync());
        var category = await fixture.App.WithDbAsync(db => db.Categories.Select(c => c.Id).FirstAsync());
        var profileBefore = await fixture.App.WithDbAsync(db => db.Brands.Where(b => b.Id == brandId).Select(b => b.CompanyName).SingleAsync());

        (await fixture.Service<MembershipService>().ListAsync(user, code)).ShouldBeNull();
        (await fixture.Service<MembershipService>().InviteAsync(user, code, "friend@example.com", t => t)).Succeeded.ShouldBeFalse();
        (await fixture.Service<ApplicationQueryService>().GetAsync(user, code)).ShouldBeNull();
        (await fixture.Service<ApplicationProfileService>().SaveProfileAsync(user, code, ApplicationWorkflowTests.CompleteProfile(category))).Succeeded.ShouldBeFalse();
        (await fixture.Service<TrustCardService>().GetAsync(user, brandId)).ShouldBeNull();
        (await fixture.Service<TrustCardService>().SaveAsync(user, brandId, TrustEntitlements.SevenDayReturns)).Succeeded.ShouldBeFalse();
        (await fixture.Service<BrandToDoQuery>().GetAsync(user, code)).ShouldBeNull();
        (await fixture.Service<BrandDelegationService>().ListAsync(user, code)).ShouldBeNull();
        (await fixture.Service<BrandDelegationService>().GrantAsync(user, code, new GrantDelegationRequest(fixture.FarsailId, DelegatedArea.Documents, Portal.Core.PlatformTime.DayOf(fixture.App.Clock.GetUtcNow()), null))).Succeeded.ShouldBeFalse();

        (await fixture.App.WithDbAsync(db => db.BrandInvitations.CountAsync())).ShouldBe(invitations);
        (await fixture.App.WithDbAsync(db => db.Brands.Where(b => b.Id == brandId).Select(b => b.CompanyName).SingleAsync())).ShouldBe(profileBefore);
        (await fixture.App.WithDbAsync(db => db.BrandDelegations.CountAsync(d => d.BrandId == brandId && d.Areas == DelegatedArea.Documents && d.ProviderId == fixture.FarsailId))).ShouldBe(0);
    }

    [Fact]
    public async Task MessagesDelegated_ProviderPosts_NamedWithProvider_RevokedRefusesAtOnce()
    {
        var (code, _, owner) = await fixture.NewBrandAsync();
        var delegation = await fixture.GrantXiaomanAsync(code, owner, DelegatedArea.Messages | DelegatedArea.Documents);
        var comments = fixture.Service<BrandCommentService>();

        var posted = await comments.PostAsync(fixture.Provider2, code, new NewComment("Hello from Xiaoman"));
        CommentThread thread;
        using (PortalCultures.Use(PortalCultures.English))
        {
            thread = (await comments.ThreadAsync(owner, code)).ShouldNotBeNull();
        }

        posted.Errors.ShouldBeEmpty();
        thread.Public.ShouldHaveSingleItem().AuthorName.ShouldBe("小满 Liu Man · Xiaoman Commerce");
        (await fixture.Service<DocumentChecklistService>().ChecklistAsync(fixture.Provider2, code)).ShouldNotBeNull();

        (await fixture.Service<BrandDelegationService>().RevokeAsync(owner, code, delegation)).Errors.ShouldBeEmpty();

        (await comments.ThreadAsync(fixture.Provider2, code)).ShouldBeNull();
        (await comments.PostAsync(fixture.Provider2, code, new NewComment("Still here?"))).Succeeded.ShouldBeFalse();
        (await fixture.Service<DocumentChecklistService>().ChecklistAsync(fixture.Provider2, code)).ShouldBeNull();
        (await fixture.Service<BrandDirectory>().FindAccessibleAsync(fixture.Provider2, code)).ShouldBeNull();
    }
}
