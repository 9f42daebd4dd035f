using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Features.AdminConfig;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Core.Features.Applications;
using Portal.IntegrationTests.Core.Features.Documents;
using Portal.IntegrationTests.Core.Features.Journey;
using Portal.IntegrationTests.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Core.Features.Metrics.MetricsTestApp;

namespace Portal.IntegrationTests.Core.Features.AdminConfig;

/// <summary>
/// Tier thresholds and review SLAs changed by an administrator apply to the next evaluation,
/// submission or review at once, without a restart; the files stay the defaults.
/// </summary>
public sealed class SettingsOverrideTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>, IAsyncLifetime
{
    private readonly PortalAppFactory _app = fixture.App;

    public Task InitializeAsync()
    {
        _app.Clock.Reset();
        return _app.ResetSettingsAsync();
    }

    public async Task DisposeAsync()
    {
        _app.Clock.Reset();
        await _app.ResetSettingsAsync();
    }

    [Fact]
    public async Task LoweredKaThreshold_IsUsedByTheNextEvaluation_AndTheBrandIsPromoted()
    {
        _app.Clock.MoveTo(new DateTimeOffset(2026, 9, 15, 4, 0, 0, TimeSpan.Zero));
        var (code, id) = await _app.NewBrandAsync("ka");
        await _app.IngestOkAsync(Row(code, "2026-07-03") with { Gmv = 600_000m, PaidOrders = 10 }, Row(code, "2026-08-03") with { Gmv = 600_000m, PaidOrders = 10 });
        await _app.Evaluation().EvaluateAsync([id]);
        (await _app.Growth().GetAsync(id)).Current.ShouldBe(GrowthTier.RampUp);

        await _app.ChangeSettingsAsync(form => form.KaMonthlyGmv = 500_000m);
        await _app.Evaluation().EvaluateAsync([id]);

        var path = await _app.Growth().GetAsync(id);
        path.Current.ShouldBe(GrowthTier.Ka);
        path.History[0].EffectiveFrom.ShouldBe(new DateOnly(2026, 8, 1));
        _app.Service<IOptionsMonitor<TierOptions>>().CurrentValue.KaMonthlyGmv.ShouldBe(500_000m);
    }

    [Fact]
    public async Task LongerApplicationReviewTarget_SetsTheNextSubmissionsDueDate()
    {
        var applications = _app.Service<ApplicationWorkflowService>();
        var queries = _app.Service<ApplicationQueryService>();
        _app.Clock.MoveTo(DateTimeOffset.Parse("2026-11-27T16:00:00+08:00")); // a Friday in Beijing
        var (before, beforeUser) = await CompleteDraftAsync();
        (await applications.ActAsync(beforeUser, before, ApplicationAction.Submit)).Errors.ShouldBeEmpty();
        (await queries.GetAsync(beforeUser, before))!.DecisionDueOn.ShouldBe(new DateOnly(2026, 12, 2)); // the file's three working days

        await _app.ChangeSettingsAsync(form => form.ApplicationReviewWorkingDays = 5);
        var (after, afterUser) = await CompleteDraftAsync();
        (await applications.ActAsync(afterUser, after, ApplicationAction.Submit)).Errors.ShouldBeEmpty();

        (await queries.GetAsync(afterUser, after))!.DecisionDueOn.ShouldBe(new DateOnly(2026, 12, 4));
    }

    [Fact]
    public async Task LongerDocumentReviewDays_SetTheNextCheckedDocumentsDueDate()
    {
        var (code, owner, _) = await fixture.NewBrandAsync();
        var today = PlatformTime.DayOf(_app.Clock.GetUtcNow());
        var before = await fixture.UploadCheckedAsync(code, owner, Trademark());
        (await fixture.DocumentAsync(before)).ReviewDueOn.ShouldBe(PlatformTime.AddWorkingDays(today, 3));

        await _app.ChangeSettingsAsync(form => form.DocumentReviewWorkingDays = 10);
        var after = await fixture.UploadCheckedAsync(code, owner, Trademark());

        (await fixture.DocumentAsync(after)).ReviewDueOn.ShouldBe(PlatformTime.AddWorkingDays(today, 10));
    }

    private static Portal.Core.Features.Documents.UploadRequest Trademark() =>
        DocumentsAppFixture.Trademark($"TM-30-2020-{Random.Shared.Next(100_000, 999_999)}");

    private async Task<(string Code, System.Security.Claims.ClaimsPrincipal Owner)> CompleteDraftAsync()
    {
        var owner = $"sla-{Guid.NewGuid():N}@example.com";
        var code = $"sla-{Guid.NewGuid().ToString("N")[..8]}";
        await TestBrands.CreateWithOwnerAsync(_app, code, owner);
        var user = await _app.PrincipalAsync(owner);
        var food = await _app.WithDbAsync(db => db.Categories.SingleAsync(c => c.Code == "food"));
        (await _app.Service<ApplicationProfileService>().SaveProfileAsync(user, code, ApplicationWorkflowTests.CompleteProfile(food.Id))).Errors.ShouldBeEmpty();
        return (code, user);
    }

    [Fact]
    public async Task SkaNotAboveKa_IsRefusedWithItsMessage_AndNothingChanges()
    {
        var admin = await _app.AdminAsync();
        var settings = _app.Service<SettingsAdminService>();
        var form = (await settings.GetAsync(admin))!.Current;
        form.KaMonthlyGmv = 5_000_000m;
        form.SkaMonthlyGmv = 5_000_000m;
        form.DemotionMonths = 0;

        var outcome = await settings.SaveAsync(admin, form);

        outcome.Errors.ShouldBe(["The SKA threshold must be greater than the KA threshold.", "Months below a threshold before demotion must be between 1 and 12."]);
        _app.Service<IOptionsMonitor<TierOptions>>().CurrentValue.KaMonthlyGmv.ShouldBe(1_000_000m);
        (await _app.WithDbAsync(db => db.PortalSettings.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Save_StoresOnlyValuesThatDifferFromTheFiles_AndAStaleFormIsRefused()
    {
        var admin = await _app.AdminAsync();
        var settings = _app.Service<SettingsAdminService>();
        var stale = (await settings.GetAsync(admin))!.Current;

        await _app.ChangeSettingsAsync(form => form.SkaMonthlyGmv = 8_000_000m);

        var view = (await settings.GetAsync(admin))!;
        view.Overridden.ShouldBe([EditableSettings.SkaMonthlyGmv]);
        view.Current.SkaMonthlyGmv.ShouldBe(8_000_000m);
        view.Defaults.SkaMonthlyGmv.ShouldBe(10_000_000m);
        stale.DocumentReviewWorkingDays = 4;
        (await settings.SaveAsync(admin, stale)).Errors.ShouldBe(["Another administrator changed this meanwhile. Reload to see their change, then make yours again."]);
        _app.Service<IOptionsMonitor<Portal.Core.Features.Documents.DocumentOptions>>().CurrentValue.ReviewWorkingDays.ShouldBe(3);
    }

    [Fact]
    public async Task Overrides_AreLoadedAgainWhenTheAppRestarts()
    {
        await _app.ChangeSettingsAsync(form => form.DemotionMonths = 4);

        // A second host on the same database, as after a restart (its files still say 2).
        await using var restarted = new PortalAppFactory(_app.Directory, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false", ["Documents:StoragePath"] = fixture.Storage });

        restarted.Service<IOptionsMonitor<TierOptions>>().CurrentValue.DemotionMonths.ShouldBe(4);
    }
}
