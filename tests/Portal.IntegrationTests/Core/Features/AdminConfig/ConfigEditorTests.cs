using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.AdminConfig;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.AdminConfig;

/// <summary>The administration editors' services on real SQLite: validation, saving, deactivation, concurrency, admins only.</summary>
public sealed class ConfigEditorTests(AdminConfigFixture fixture) : IClassFixture<AdminConfigFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task Category_SavedByAnAdmin_IsOfferedToBrands_AndWhenDeactivatedIsNot()
    {
        var admin = await _app.AdminAsync();
        var service = _app.Service<CategoryAdminService>();
        var code = Unique("tea");

        var saved = await service.SaveAsync(admin, new CategoryForm { Code = code, NameZh = "茶叶", NameEn = "Tea", SortOrder = 500 });

        saved.Errors.ShouldBeEmpty();
        var applications = _app.Service<ApplicationProfileService>();
        (await applications.CategoriesAsync()).Select(c => c.Code).ShouldContain(code);

        var row = (await service.ListAsync(admin)).ShouldNotBeNull().Single(c => c.Code == code);
        (await service.SetActiveAsync(admin, row.Id, active: false, row.Revision)).Errors.ShouldBeEmpty();

        (await applications.CategoriesAsync()).Select(c => c.Code).ShouldNotContain(code);
        (await service.ListAsync(admin))!.Single(c => c.Code == code).IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task Category_WithABadCodeAndNoNames_IsRefusedWithEveryMessage()
    {
        var outcome = await _app.Service<CategoryAdminService>().SaveAsync(await _app.AdminAsync(), new CategoryForm { Code = "Bad Code", NameZh = " ", NameEn = "" });

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldBe(
        [
            "The code may contain only lower-case letters, digits and single hyphens, e.g. food-licence.",
            "Name (Chinese) is required.",
            "Name (English) is required.",
        ]);
    }

    [Fact]
    public async Task Category_WithACodeAlreadyUsed_IsRefused()
    {
        var outcome = await _app.Service<CategoryAdminService>().SaveAsync(await _app.AdminAsync(), new CategoryForm { Code = "food", NameZh = "食品", NameEn = "Food again" });

        outcome.Errors.ShouldBe(["The code \"food\" is already used."]);
    }

    [Fact]
    public async Task Edit_AfterAnotherAdminSaved_IsRefusedAsAConflict_AndKeepsTheirChange()
    {
        var admin = await _app.AdminAsync();
        var service = _app.Service<CategoryAdminService>();
        var code = Unique("cc");
        var id = (await service.SaveAsync(admin, new CategoryForm { Code = code, NameZh = "甲", NameEn = "First" })).Value;
        var row = (await service.ListAsync(admin))!.Single(c => c.Id == id);
        var mine = service.Edit(row);
        var theirs = service.Edit(row);

        theirs.NameEn = "Theirs";
        (await service.SaveAsync(admin, theirs)).Errors.ShouldBeEmpty();
        mine.NameEn = "Mine";
        var outcome = await service.SaveAsync(admin, mine);

        outcome.Errors.ShouldBe(["Another administrator changed this meanwhile. Reload to see their change, then make yours again."]);
        (await service.ListAsync(admin))!.Single(c => c.Id == id).NameEn.ShouldBe("Theirs");
        // A deactivation read before their change is refused too.
        (await service.SetActiveAsync(admin, id, false, row.Revision)).Succeeded.ShouldBeFalse();
    }

    [Theory]
    [InlineData(AdminConfigTestApp.Operator)]
    [InlineData(AdminConfigTestApp.BrandManager)]
    public async Task EveryEditor_ForANonAdmin_RefusesToListOrChange(string email)
    {
        var user = await _app.PrincipalAsync(email);
        var food = await _app.WithDbAsync(db => db.Categories.AsNoTracking().SingleAsync(c => c.Code == "food"));
        const string refused = "Only administrators can change the configuration.";

        (await _app.Service<CategoryAdminService>().ListAsync(user)).ShouldBeNull();
        (await _app.Service<CategoryAdminService>().SaveAsync(user, new CategoryForm { Code = Unique("x"), NameZh = "x", NameEn = "x" })).Errors.ShouldBe([refused]);
        (await _app.Service<CategoryAdminService>().SetActiveAsync(user, food.Id, false, food.Revision)).Errors.ShouldBe([refused]);
        (await _app.Service<RequirementRuleAdminService>().ListAsync(user)).ShouldBeNull();
        (await _app.Service<AgencyAdminService>().SaveAsync(user, new AgencyForm { Name = "X" })).Errors.ShouldBe([refused]);
        (await _app.Service<ReviewReasonAdminService>().ListAsync(user)).ShouldBeNull();
        (await _app.Service<PlaybookTaskAdminService>().ListAsync(user)).ShouldBeNull();
        (await _app.Service<MilestoneAdminService>().ListAsync(user)).ShouldBeNull();
        (await _app.Service<SettingsAdminService>().GetAsync(user)).ShouldBeNull();
        (await _app.Service<SettingsAdminService>().SaveAsync(user, new SettingsForm { KaMonthlyGmv = 1, SkaMonthlyGmv = 2, DemotionMonths = 1, ApplicationReviewWorkingDays = 1, DocumentReviewWorkingDays = 1 }))
            .Errors.ShouldBe([refused]);
        (await _app.WithDbAsync(db => db.Categories.SingleAsync(c => c.Id == food.Id))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task EveryEditor_ForASignInThatStillSaysAdmin_ButWhoseAccountIsNotAdmin_Refuses()
    {
        // A sign-in keeps its roles until it is revalidated: an admin demoted meanwhile still carries the role claim.
        var stale = await _app.PrincipalAsync(AdminConfigTestApp.Operator);
        var identity = (System.Security.Claims.ClaimsIdentity)stale.Identity!;
        identity.AddClaim(new System.Security.Claims.Claim(identity.RoleClaimType, Portal.Core.Features.Accounts.PortalRoles.Admin));
        stale.IsInRole(Portal.Core.Features.Accounts.PortalRoles.Admin).ShouldBeTrue();
        const string refused = "Only administrators can change the configuration.";

        (await _app.Service<CategoryAdminService>().ListAsync(stale)).ShouldBeNull();
        (await _app.Service<AgencyAdminService>().SaveAsync(stale, new AgencyForm { Name = Unique("agency") })).Errors.ShouldBe([refused]);
        (await _app.Service<SettingsAdminService>().GetAsync(stale)).ShouldBeNull();
        (await _app.Service<SettingsAdminService>().SaveAsync(stale, new SettingsForm { KaMonthlyGmv = 1, SkaMonthlyGmv = 2, DemotionMonths = 1, ApplicationReviewWorkingDays = 1, DocumentReviewWorkingDays = 1 }))
            .Errors.ShouldBe([refused]);
    }

    [Fact]
    public async Task RequirementRule_ForAnUnknownCategoryOrWithABadPattern_IsRefused_AndAValidOneAppliesToBrands()
    {
        var admin = await _app.AdminAsync();
        var service = _app.Service<RequirementRuleAdminService>();

        var unknown = await service.SaveAsync(admin, new RequirementRuleForm { Code = Unique("r"), CategoryCode = "no-such", DocumentType = DocumentType.CosmeticsFiling });
        unknown.Errors.ShouldBe(["There is no category with the code \"no-such\"."]);
        var pattern = await service.SaveAsync(admin, new RequirementRuleForm { Code = Unique("r"), DocumentType = DocumentType.CosmeticsFiling, CertificateNumberPattern = "([A-Z" });
        pattern.Errors.ShouldBe(["The certificate number pattern is not a valid regular expression."]);
        var months = await service.SaveAsync(admin, new RequirementRuleForm { Code = Unique("r"), DocumentType = DocumentType.CosmeticsFiling, MinValidityMonths = 99 });
        months.Errors.ShouldBe(["Minimum validity at upload (months) must be between 0 and 60."]);

        var code = Unique("food-extra");
        var saved = await service.SaveAsync(admin, new RequirementRuleForm { Code = code, CategoryCode = "food", DocumentType = DocumentType.CosmeticsFiling, CertificateNumberPattern = "^[A-Z0-9-]+$" });

        saved.Errors.ShouldBeEmpty();
        var rule = await _app.WithDbAsync(db => db.RequirementRules.AsNoTracking().SingleAsync(r => r.Code == code));
        rule.CategoryCode.ShouldBe("food");
        rule.CertificateNumberPattern.ShouldBe("^[A-Z0-9-]+$");
        rule.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Agency_AddedTwice_IsRefused_AndCannotBeRenamed()
    {
        var admin = await _app.AdminAsync();
        var service = _app.Service<AgencyAdminService>();
        var name = Unique("Inspection centre");

        (await service.SaveAsync(admin, new AgencyForm { Name = name })).Errors.ShouldBeEmpty();
        (await service.SaveAsync(admin, new AgencyForm { Name = $" {name} " })).Errors.ShouldBe([$"\"{name}\" is already in the list."]);

        var row = (await service.ListAsync(admin))!.Single(a => a.Name == name);
        var rename = service.Edit(row);
        rename.Name = name + " (new)";
        (await service.SaveAsync(admin, rename)).Errors.ShouldBe(["An agency cannot be renamed: add the new name and deactivate the old one."]);
    }

    [Fact]
    public async Task ReviewReason_Deactivated_IsNoLongerOfferedToReviewers_AndAnEditedTextIs()
    {
        var admin = await _app.AdminAsync();
        var service = _app.Service<ReviewReasonAdminService>();
        var documents = _app.Service<DocumentQueueService>();
        var code = Unique("blurry");
        (await service.SaveAsync(admin, new ReviewReasonForm { Code = code, TextZh = "图片模糊", TextEn = "Blurry", Rank = 1 })).Errors.ShouldBeEmpty();
        var row = (await service.ListAsync(admin))!.Single(r => r.Code == code);
        var edit = service.Edit(row);
        edit.TextEn = "The scan is blurry";
        (await service.SaveAsync(admin, edit)).Errors.ShouldBeEmpty();

        using (Portal.Core.Localization.PortalCultures.Use(Portal.Core.Localization.PortalCultures.English))
        {
            (await documents.ReasonsAsync()).ShouldContain(new ReasonChoice(code, "The scan is blurry"));
        }

        row = (await service.ListAsync(admin))!.Single(r => r.Code == code);
        (await service.SetActiveAsync(admin, row.Id, false, row.Revision)).Errors.ShouldBeEmpty();
        (await documents.ReasonsAsync()).Select(r => r.Code).ShouldNotContain(code);
    }

    [Fact]
    public async Task PlaybookTask_Deactivated_LeavesTheBoardOfANewBrand_AndANewTaskJoinsIt()
    {
        var admin = await _app.AdminAsync();
        var service = _app.Service<PlaybookTaskAdminService>();
        var retired = (await service.ListAsync(admin))!.First(t => t.IsActive && t.Area == StepsArea.Traffic);
        var added = Unique("t-new-task");
        (await service.SetActiveAsync(admin, retired.Id, false, retired.Revision)).Errors.ShouldBeEmpty();
        (await service.SaveAsync(admin, new PlaybookTaskForm { Code = added, Area = StepsArea.Traffic, TitleZh = "新任务", TitleEn = "New task", SortOrder = 999 })).Errors.ShouldBeEmpty();
        try
        {
            var brandId = await TestBrands.CreateWithOwnerAsync(_app, Unique("board"), Unique("owner") + "@example.com");

            var traffic = (await _app.Journey().GetAreasAsync(brandId)).Single(a => a.Area == StepsArea.Traffic);

            traffic.Tasks.Select(t => t.Code).ShouldNotContain(retired.Code);
            traffic.Tasks.Last().Code.ShouldBe(added);
        }
        finally
        {
            var row = (await service.ListAsync(admin))!.Single(t => t.Id == retired.Id);
            (await service.SetActiveAsync(admin, row.Id, true, row.Revision)).Errors.ShouldBeEmpty();
            var mine = (await service.ListAsync(admin))!.Single(t => t.Code == added);
            (await service.SetActiveAsync(admin, mine.Id, false, mine.Revision)).Errors.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task PlaybookTask_WithoutTitles_IsRefusedWithLocalizedMessages()
    {
        using var culture = Portal.Core.Localization.PortalCultures.Use(Portal.Core.Localization.PortalCultures.Chinese);

        var outcome = await _app.Service<PlaybookTaskAdminService>().SaveAsync(await _app.AdminAsync(), new PlaybookTaskForm { Code = Unique("t"), SortOrder = -1 });

        outcome.Errors.ShouldBe(["标题（中文）为必填项。", "标题（英文）为必填项。", "顺序必须介于 0 和 9999 之间。"]);
    }

    [Fact]
    public async Task Milestone_WithUnknownTasksOrARateAboveOne_IsRefused_AndAnEditedThresholdIsSaved()
    {
        var admin = await _app.AdminAsync();
        var service = _app.Service<MilestoneAdminService>();

        var unknown = await service.SaveAsync(admin, new MilestoneForm { Code = Unique("m"), TitleZh = "甲", TitleEn = "A", Threshold = 5, TaskCodes = "e-first-influencers, no-such-task" });
        unknown.Errors.ShouldBe(["No playbook task has the code: no-such-task."]);
        var rate = await service.SaveAsync(admin, new MilestoneForm { Code = Unique("m"), TitleZh = "甲", TitleEn = "A", Metric = MetricKind.RepurchaseRate, Threshold = 30 });
        rate.Errors.ShouldBe(["A repurchase-rate threshold is a fraction and must be at most 1 (e.g. 0.3 for 30%)."]);

        var code = Unique("m-fans");
        var id = (await service.SaveAsync(admin, new MilestoneForm
        {
            Code = code, Area = StepsArea.PrivateDomain, TitleZh = "粉丝", TitleEn = "Fans", Metric = MetricKind.Fans, Aggregation = MilestoneAggregation.Latest,
            Threshold = 1000, TaskCodes = "e-first-influencers",
        })).Value;
        var edit = service.Edit((await service.ListAsync(admin))!.Single(m => m.Id == id));
        edit.Threshold = 2000;
        (await service.SaveAsync(admin, edit)).Errors.ShouldBeEmpty();

        var saved = await _app.WithDbAsync(db => db.MilestoneDefinitions.AsNoTracking().SingleAsync(m => m.Id == id));
        saved.Threshold.ShouldBe(2000m);
        saved.TaskCodes.ShouldBe(["e-first-influencers"]);
        saved.Revision.ShouldBe(1);
    }

    [Fact]
    public void EditedEntities_AreMarkedForTheAuditTrail()
    {
        Type[] edited = [typeof(Category), typeof(RequirementRule), typeof(RecognisedAgency), typeof(ReviewReason), typeof(PlaybookTask), typeof(MilestoneDefinition), typeof(PortalSetting)];

        edited.Where(t => !typeof(IAudited).IsAssignableFrom(t)).ShouldBeEmpty();
    }
}
