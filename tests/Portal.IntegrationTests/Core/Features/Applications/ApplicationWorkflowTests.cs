using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Applications;
using Portal.IntegrationTests.Infrastructure;
using static Portal.Core.Features.Applications.ApplicationAction;
using static Portal.Core.Features.Applications.ApplicationStatus;

namespace Portal.IntegrationTests.Core.Features.Applications;

/// <summary>One app for the whole class; each test gets a brand of its own, so no test reads another's history.</summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    private int _brands;

    public PortalAppFactory App { get; } = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

    /// <summary>A new draft brand owned by <see cref="ApplicationWorkflowTests.Owner"/>; returns its code.</summary>
    public async Task<string> NewBrandAsync()
    {
        var code = $"night-noodle-{Interlocked.Increment(ref _brands)}";
        await TestBrands.CreateWithOwnerAsync(App, code, ApplicationWorkflowTests.Owner, "Night Noodle", "夜面");
        return code;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>The application's state machine, through the service, on real SQLite.</summary>
public sealed class ApplicationWorkflowTests(WorkflowFixture fixture) : IClassFixture<WorkflowFixture>, IAsyncLifetime
{
    internal const string Owner = "noodle@example.com";
    private readonly PortalAppFactory _app = fixture.App;

    /// <summary>This test's own brand: a complete draft when the test starts.</summary>
    private string Code { get; set; } = "";

    private NewBrandService NewBrands => _app.Services.GetRequiredService<NewBrandService>();

    private ApplicationQueryService Queries => _app.Services.GetRequiredService<ApplicationQueryService>();

    private ApplicationProfileService Profiles => _app.Services.GetRequiredService<ApplicationProfileService>();

    private ApplicationWorkflowService Workflow => _app.Services.GetRequiredService<ApplicationWorkflowService>();

    public async Task InitializeAsync()
    {
        _app.Clock.Reset();
        Code = await fixture.NewBrandAsync();
        var food = await _app.WithDbAsync(db => db.Categories.SingleAsync(c => c.Code == "food"));
        var outcome = await Profiles.SaveProfileAsync(await _app.PrincipalAsync(Owner), Code, CompleteProfile(food.Id));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal static BrandProfile CompleteProfile(Guid categoryId) => new()
    {
        NameZh = "夜面",
        NameEn = "Night Noodle",
        CompanyName = "Night Noodle Foods Ltd",
        ContactName = "Wu Ming",
        ContactPhone = "+86 20 1234 5678",
        ContactEmail = "wu@example.com",
        StoreId = "store-42",
        TrademarkNumber = "TM-30-2020-000042",
        TrademarkClass = 30,
        TrademarkOwner = "Night Noodle Foods Ltd",
        CategoryIds = [categoryId],
    };

    private Task SetStatusAsync(ApplicationStatus status) =>
        _app.WithDbAsync(async db =>
        {
            var brand = await db.Brands.SingleAsync(b => b.Code == Code);
            brand.Status = status;
            brand.SubmittedAt ??= _app.Clock.GetUtcNow();
            brand.DecisionDueOn ??= PlatformTime.DayOf(_app.Clock.GetUtcNow());
            brand.ReapplyFrom = null;
            return await db.SaveChangesAsync();
        });

    private Task<ApplicationStatus> StatusAsync() =>
        _app.WithDbAsync(db => db.Brands.Where(b => b.Code == Code).Select(b => b.Status).SingleAsync());

    private async Task<Outcome> ActAsync(ApplicationAction action, string? reason = "Because.")
    {
        var actor = ApplicationWorkflow.Of(action).Actor == ApplicationActor.Staff ? "ska@demo.test" : Owner;
        IReadOnlyList<FieldReason> fields = action == RequestChanges ? [new FieldReason { Field = "StoreId", Reason = "Store id not found" }] : [];
        return await Workflow.ActAsync(await _app.PrincipalAsync(actor), Code, action, reason, fields);
    }

    public static TheoryData<ApplicationStatus, ApplicationAction> EveryPair()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationAction>();
        foreach (var status in Enum.GetValues<ApplicationStatus>())
        {
            foreach (var action in Enum.GetValues<ApplicationAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task Act_FromEveryState_DoesExactlyWhatTheTableAllows(ApplicationStatus from, ApplicationAction action)
    {
        await SetStatusAsync(from);
        var transition = ApplicationWorkflow.Of(action);

        var outcome = await ActAsync(action);

        if (transition.From.Contains(from))
        {
            outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
            (await StatusAsync()).ShouldBe(transition.To);
            var recorded = await _app.WithDbAsync(db => db.ApplicationEvents.Where(e => db.Brands.Any(b => b.Id == e.BrandId && b.Code == Code) && e.Action == action).SingleAsync());
            recorded.From.ShouldBe(from);
            recorded.To.ShouldBe(transition.To);
        }
        else
        {
            outcome.Succeeded.ShouldBeFalse();
            outcome.Errors.ShouldHaveSingleItem().ShouldContain("is not possible while the application is");
            (await StatusAsync()).ShouldBe(from);
        }
    }

    [Fact]
    public void Table_CoversTheIssuesPath()
    {
        ApplicationWorkflow.Available(Draft, ApplicationActor.Brand).ShouldBe([Submit]);
        ApplicationWorkflow.Available(Submitted, ApplicationActor.Staff).ShouldBe([StartReview]);
        ApplicationWorkflow.Available(UnderReview, ApplicationActor.Staff).ShouldBe([RequestChanges, Approve, Reject]);
        ApplicationWorkflow.Available(ChangesRequested, ApplicationActor.Brand).ShouldBe([Submit]);
        ApplicationWorkflow.Available(Approved, ApplicationActor.Staff).ShouldBe([Suspend]);
        ApplicationWorkflow.Available(Suspended, ApplicationActor.Staff).ShouldBe([Reinstate]);
        ApplicationWorkflow.Available(Rejected, ApplicationActor.Brand).ShouldBe([Reapply]);
    }

    [Fact]
    public async Task Submit_WithMissingFields_ListsWhatIsMissingAndStaysDraft()
    {
        var user = await _app.PrincipalAsync(Owner);
        var food = await _app.WithDbAsync(db => db.Categories.SingleAsync(c => c.Code == "food"));
        var profile = CompleteProfile(food.Id);
        profile.StoreId = null;
        profile.CategoryIds = [];
        (await Profiles.SaveProfileAsync(user, Code, profile)).Succeeded.ShouldBeTrue();

        var outcome = await Workflow.ActAsync(user, Code, Submit);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors[0].ShouldBe("The application is not complete. Still missing:");
        outcome.Errors.Skip(1).ShouldBe(["Categories", "Store id on the platform"]);
        (await StatusAsync()).ShouldBe(Draft);
    }

    [Fact]
    public async Task Submit_OnAFriday_IsDueThreeWorkingDaysLaterOnWednesday()
    {
        _app.Clock.MoveTo(DateTimeOffset.Parse("2026-11-27T16:00:00+08:00")); // a Friday in Beijing

        var outcome = await ActAsync(Submit, null);

        outcome.Succeeded.ShouldBeTrue();
        var view = await Queries.GetAsync(await _app.PrincipalAsync(Owner), Code);
        view!.DecisionDueOn.ShouldBe(new DateOnly(2026, 12, 2));
        view.Overdue.ShouldBeFalse();
        _app.Clock.MoveTo(DateTimeOffset.Parse("2026-12-03T09:00:00+08:00"));
        (await Queries.GetAsync(await _app.PrincipalAsync(Owner), Code))!.Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task RequestChanges_WithoutFieldReasons_IsRefused()
    {
        await SetStatusAsync(UnderReview);

        var outcome = await Workflow.ActAsync(await _app.PrincipalAsync("ska@demo.test"), Code, RequestChanges, "Please fix", []);

        outcome.Errors.ShouldHaveSingleItem().ShouldContain("at least one field");
        (await StatusAsync()).ShouldBe(UnderReview);
    }

    [Fact]
    public async Task RequestChanges_ShowsTheReasonsPerFieldUntilSubmittedAgain()
    {
        _app.Clock.MoveTo(DateTimeOffset.Parse("2030-01-07T10:00:00+08:00"));
        await SetStatusAsync(UnderReview);
        var staff = await _app.PrincipalAsync("ska@demo.test");
        var owner = await _app.PrincipalAsync(Owner);

        (await Workflow.ActAsync(staff, Code, RequestChanges, null, [new FieldReason { Field = "TrademarkNumber", Reason = "Number does not match the certificate" }])).Succeeded.ShouldBeTrue();
        var sentBack = await Queries.GetAsync(owner, Code);
        (await Workflow.ActAsync(owner, Code, Submit)).Succeeded.ShouldBeTrue();
        var resubmitted = await Queries.GetAsync(owner, Code);

        sentBack!.Status.ShouldBe(ChangesRequested);
        sentBack.CanEdit.ShouldBeTrue();
        sentBack.OpenChangeRequests.ShouldHaveSingleItem().Field.ShouldBe("TrademarkNumber");
        resubmitted!.Status.ShouldBe(Submitted);
        resubmitted.OpenChangeRequests.ShouldBeEmpty();
        resubmitted.History.Select(h => h.Action).Take(2).ShouldBe([Submit, RequestChanges]);
    }

    [Theory]
    [InlineData(Reject)]
    [InlineData(Suspend)]
    [InlineData(Reinstate)]
    public async Task Decision_ThatNeedsAReason_IsRefusedWithoutOne(ApplicationAction action)
    {
        await SetStatusAsync(ApplicationWorkflow.Of(action).From.First());

        var outcome = await ActAsync(action, reason: "  ");

        outcome.Errors.ShouldHaveSingleItem().ShouldContain("needs a reason");
    }

    [Fact]
    public async Task Reject_ThenReapply_IsRefusedUntilTheWaitingPeriodEnds()
    {
        _app.Clock.MoveTo(DateTimeOffset.Parse("2026-11-02T10:00:00+08:00"));
        await SetStatusAsync(UnderReview);
        (await ActAsync(Reject, "Trademark belongs to someone else")).Succeeded.ShouldBeTrue();

        var early = await ActAsync(Reapply);
        _app.Clock.MoveTo(DateTimeOffset.Parse("2026-12-02T10:00:00+08:00"));
        var onTime = await ActAsync(Reapply);

        early.Errors.ShouldHaveSingleItem().ShouldContain("You can apply again from");
        onTime.Succeeded.ShouldBeTrue();
        (await StatusAsync()).ShouldBe(Draft);
    }

    [Fact]
    public async Task BrandMember_CannotDecide_AndStaffCannotSubmit()
    {
        await SetStatusAsync(UnderReview);
        var memberApproves = await Workflow.ActAsync(await _app.PrincipalAsync(Owner), Code, Approve);
        await SetStatusAsync(Draft);
        var staffSubmits = await Workflow.ActAsync(await _app.PrincipalAsync("ska@demo.test"), Code, Submit);
        var outsiderSubmits = await Workflow.ActAsync(await _app.PrincipalAsync("brand@demo.test"), Code, Submit);

        memberApproves.Errors.ShouldHaveSingleItem().ShouldBe("Only SKA staff can do this.");
        staffSubmits.Errors.ShouldHaveSingleItem().ShouldBe("Only the brand's members can do this.");
        outsiderSubmits.Errors.ShouldHaveSingleItem().ShouldBe("Only the brand's members can do this.");
        (await StatusAsync()).ShouldBe(Draft);
    }

    [Fact]
    public async Task Approve_RecordsWhoWhenAndWhy()
    {
        _app.Clock.MoveTo(DateTimeOffset.Parse("2026-11-24T11:30:00+08:00"));
        await SetStatusAsync(UnderReview);

        (await ActAsync(Approve, "All documents in order")).Succeeded.ShouldBeTrue();

        var view = await Queries.GetAsync(await _app.PrincipalAsync(Owner), Code);
        var step = view!.History.First();
        step.Action.ShouldBe(Approve);
        step.ActorName.ShouldBe("SKA 运营 Zhao Min");
        step.Reason.ShouldBe("All documents in order");
        step.At.ShouldBe(DateTimeOffset.Parse("2026-11-24T11:30:00+08:00"), TimeSpan.FromSeconds(5));
        view.LastDecisionReason.ShouldBe("All documents in order");
    }

    [Fact]
    public async Task SaveProfile_WithAFourthAuthorisationLevel_IsRefusedAndNothingChanges()
    {
        var user = await _app.PrincipalAsync(Owner);
        var profile = (await Queries.GetAsync(user, Code))!.Profile;
        profile.TrademarkOwner = "Holding";
        profile.StoreId = "store-changed";
        profile.AuthorizationChain =
        [
            new() { Grantor = "Holding", Grantee = "A" },
            new() { Grantor = "A", Grantee = "B" },
            new() { Grantor = "B", Grantee = "C" },
            new() { Grantor = "C", Grantee = "Night Noodle Foods Ltd" },
        ];

        var outcome = await Profiles.SaveProfileAsync(user, Code, profile);

        outcome.Errors.ShouldHaveSingleItem().ShouldStartWith("The authorisation chain can have at most 3 levels");
        (await Queries.GetAsync(user, Code))!.Profile.StoreId.ShouldBe("store-42");
    }

    [Fact]
    public async Task SaveProfile_WithFieldsLongerThanTheirColumns_NamesEachAndNothingChanges()
    {
        var user = await _app.PrincipalAsync(Owner);
        var profile = (await Queries.GetAsync(user, Code))!.Profile;
        profile.ContactPhone = new string('1', 41);
        profile.StoreId = new string('s', 65);

        var outcome = await Profiles.SaveProfileAsync(user, Code, profile);

        outcome.Errors.ShouldBe(["Contact phone can be at most 40 characters long.", "Store id on the platform can be at most 64 characters long."], ignoreOrder: true);
        var stored = (await Queries.GetAsync(user, Code))!.Profile;
        stored.StoreId.ShouldBe("store-42");
        stored.ContactPhone.ShouldNotBe(profile.ContactPhone);
    }

    [Fact]
    public async Task Approve_WithAReasonLongerThanItsColumn_IsRefusedOnceAndNothingChanges()
    {
        await SetStatusAsync(UnderReview);

        var outcome = await ActAsync(Approve, new string('r', 2001));

        outcome.Errors.ShouldHaveSingleItem().ShouldBe("Reason can be at most 2000 characters long.");
        (await StatusAsync()).ShouldBe(UnderReview);
    }

    [Fact]
    public async Task SaveProfile_OfAFormOpenedBeforeAColleaguesSave_IsRefused_AndKeepsTheirs()
    {
        var user = await _app.PrincipalAsync(Owner);
        var mine = (await Queries.GetAsync(user, Code))!.Profile;
        var colleagues = (await Queries.GetAsync(user, Code))!.Profile;
        colleagues.TrademarkNumber = "TM-30-2020-000043";
        (await Profiles.SaveProfileAsync(user, Code, colleagues)).Succeeded.ShouldBeTrue();

        mine.StoreId = "store-mine";
        var outcome = await Profiles.SaveProfileAsync(user, Code, mine);

        outcome.Errors.ShouldBe(["A colleague saved this application after you opened it; your changes were not saved. Reload the page to see theirs, then make yours again."]);
        var stored = (await Queries.GetAsync(user, Code))!.Profile;
        stored.TrademarkNumber.ShouldBe("TM-30-2020-000043");
        stored.StoreId.ShouldBe("store-42");

        // The colleague's form was saved at the new revision: it saves again without reloading.
        colleagues.StoreId = "store-colleague";
        (await Profiles.SaveProfileAsync(user, Code, colleagues)).Succeeded.ShouldBeTrue();
        (await Queries.GetAsync(user, Code))!.Profile.StoreId.ShouldBe("store-colleague");
    }

    [Fact]
    public async Task SaveProfile_AfterSubmission_IsRefused()
    {
        await SetStatusAsync(Submitted);
        var user = await _app.PrincipalAsync(Owner);
        var profile = (await Queries.GetAsync(user, Code))!.Profile;
        profile.StoreId = "sneaky-change";

        var outcome = await Profiles.SaveProfileAsync(user, Code, profile);

        outcome.Errors.ShouldHaveSingleItem().ShouldBe("The profile cannot be changed while the application is Submitted.");
    }

    [Theory]
    [InlineData("Cloud Tea", "Code must be slug")]
    [InlineData("ab", "too short")]
    [InlineData("double--hyphen", "double hyphen")]
    [InlineData("-leading", "leading hyphen")]
    public async Task Create_WithBadCode_IsRefusedWithTheRule(string code, string because)
    {
        var outcome = await NewBrands.CreateAsync(await _app.PrincipalAsync(Owner), new NewBrandRequest { Code = code, NameZh = "新", NameEn = "New" });

        outcome.Succeeded.ShouldBeFalse(because);
        outcome.Errors.ShouldHaveSingleItem().ShouldStartWith("The brand code must be 3 to 40 lower-case letters");
    }

    [Fact]
    public async Task Create_WithNamesLongerThanTheirColumns_NamesEachAndMakesNoBrand()
    {
        var user = await _app.PrincipalAsync(Owner);

        var outcome = await NewBrands.CreateAsync(user, new NewBrandRequest { Code = "long-names", NameZh = new string('长', 201), NameEn = new string('L', 201) });

        outcome.Errors.ShouldBe(["Chinese name can be at most 200 characters long.", "English name can be at most 200 characters long."], ignoreOrder: true);
        (await _app.WithDbAsync(db => db.Brands.AnyAsync(b => b.Code == "long-names"))).ShouldBeFalse();
    }

    [Fact]
    [Trait("Engine", "Sqlite")] // PostgreSQL refuses the over-long value this test stores first
    public async Task Approve_OfABrandHoldingAnOverLongValueFromBefore_IsNotRefusedForIt()
    {
        // Stored before the limits were checked (SQLite keeps text past a column's length): not this decision's to refuse.
        await _app.WithDbAsync(async db =>
        {
            var brand = await db.Brands.SingleAsync(b => b.Code == Code);
            brand.ContactPhone = new string('1', 41);
            return await db.SaveChangesAsync();
        });
        await SetStatusAsync(UnderReview);

        (await ActAsync(Approve, "All in order")).Errors.ShouldBeEmpty();
        (await StatusAsync()).ShouldBe(Approved);
    }

    [Fact]
    public async Task Create_WithTakenCode_IsRefused_AndAValidOneMakesMeTheOwnerOfADraft()
    {
        var user = await _app.PrincipalAsync(Owner);

        var taken = await NewBrands.CreateAsync(user, new NewBrandRequest { Code = "demo-tea", NameZh = "新", NameEn = "New" });
        var created = await NewBrands.CreateAsync(user, new NewBrandRequest { Code = "morning-noodle", NameZh = "早面", NameEn = "Morning Noodle" });

        taken.Errors.ShouldHaveSingleItem().ShouldBe("The brand code 'demo-tea' is already taken. Choose another one.");
        created.Succeeded.ShouldBeTrue();
        var view = await Queries.GetAsync(user, "morning-noodle");
        view!.Status.ShouldBe(Draft);
        view.Brand.MyRole.ShouldBe(Portal.Core.Features.Brands.BrandMemberRole.Owner);
    }
}
