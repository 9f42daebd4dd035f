using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Providers;
using Portal.Core.Localization;

namespace Portal.IntegrationTests.Core.Features.Providers;

/// <summary>The scorecard on a known data set: every figure exact, delegation periods (ended, revoked, not yet started) included.</summary>
public sealed class ProviderScorecardTests(ProviderScorecardFixture fixture) : IClassFixture<ProviderScorecardFixture>
{
    private ProviderScorecardService Service => fixture.App.Services.GetRequiredService<ProviderScorecardService>();

    private async Task<ProviderScorecardView> ScorecardAsync(string email, string culture = PortalCultures.English)
    {
        using var _ = PortalCultures.Use(culture);
        var outcome = await Service.GetAsync(await fixture.App.PrincipalAsync(email), ProviderScorecardFixture.Code);
        outcome.Succeeded.ShouldBeTrue(string.Join(" ", outcome.Errors));
        return outcome.Value!;
    }

    [Fact]
    public async Task Scorecard_OnTheKnownDataSet_CountsBrandsServedNowAndEver()
    {
        var card = await ScorecardAsync(ProviderScorecardFixture.Manager);

        card.Today.ShouldBe(new DateOnly(2026, 11, 16));
        card.BrandsServedNow.ShouldBe(1, "alpha runs; beta was revoked; gamma starts in ten days");
        card.BrandsServedEver.ShouldBe(3, "alpha, beta and delta; gamma has not started");
    }

    [Fact]
    public async Task Scorecard_OnTheKnownDataSet_CountsGmvOnlyInsideDelegationPeriods()
    {
        var card = await ScorecardAsync(ProviderScorecardFixture.Manager);

        card.Months.Select(m => m.Month).ShouldBe(Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 12, 1).AddMonths(i)));
        card.Months.Select(m => m.Gmv).ShouldBe([0m, 100m, 200m, 300m, 0m, 10m, 20m, 0m, 1m, 400m, 2m, 50m]);
        card.YearGmv.ShouldBe(1088m, "the 12 months' 1,083 and 2025-11-20's 5; not 2025-11-10, more than 365 days ago");
    }

    [Fact]
    public async Task Scorecard_OnTheKnownDataSet_CountsUpwardTierMovesWhileServing()
    {
        var card = await ScorecardAsync(ProviderScorecardFixture.Manager);

        card.TierMovesUp.ShouldBe(3, "alpha's move in January, beta's on the day it was revoked, delta's in the overlap once");
    }

    [Fact]
    public async Task Scorecard_OnTheKnownDataSet_CountsTheWorkOfItsPeopleOnServedDays()
    {
        var card = await ScorecardAsync(ProviderScorecardFixture.Operator);

        card.TasksCompleted.ShouldBe(4);
        card.StreamsPlanned.ShouldBe(4);
        card.StreamsHeld.ShouldBe(2);
        card.DocumentsDecided.ShouldBe(4, "not uploads after a delegation's end, on a brand not served, or as the brand's member");
        card.MedianTurnaroundHours.ShouldBe(15d, "the median of 4, 10, 20 and 30 hours to the first staff decision");
    }

    [Fact]
    public async Task Scorecard_AtTheRisingThreshold_IsRisingWithItsSentence()
    {
        var english = await ScorecardAsync(ProviderScorecardFixture.Manager);
        var chinese = await ScorecardAsync(ProviderScorecardFixture.Manager, PortalCultures.Chinese);

        english.Level.ShouldBe(ProviderLevel.Rising, "1,088 is exactly the configured threshold");
        english.LevelSentence.ShouldBe("Rising on the 造风者 path: served brands sold ¥1.1K in 2025-11-17 – 2026-11-16 inside their delegation periods, reaching ¥1.1K; ¥912 more reaches Leading (¥2K).");
        chinese.LevelSentence.ShouldBe("造风者等级为成长：2025-11-17 – 2026-11-16 期间，所服务品牌在授权期内 GMV ¥1,088，已达到 ¥1,088；再增加 ¥912 即达领航（¥2,000）。");
    }

    [Fact]
    public async Task Scorecard_ForStaff_IsShown()
    {
        var card = await ScorecardAsync("admin@demo.test");

        card.Code.ShouldBe(ProviderScorecardFixture.Code);
        card.Name.ShouldBe("Scout Ops");
    }

    [Theory]
    [InlineData(ProviderScorecardFixture.Outsider)]
    [InlineData("provider@demo.test")]
    [InlineData("brand@demo.test")]
    public async Task Scorecard_ForOutsidersAndOtherProviders_IsRefused(string email)
    {
        using var _ = PortalCultures.Use(PortalCultures.English);
        var outcome = await Service.GetAsync(await fixture.App.PrincipalAsync(email), ProviderScorecardFixture.Code);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Value.ShouldBeNull();
        outcome.Errors.ShouldBe(["Only the provider's own people and SKA staff can see its scorecard."]);
    }

    [Fact]
    public async Task Scorecard_OfAnUnknownProvider_IsRefusedToOutsidersLikeAKnownOne_AndMissingForStaff()
    {
        var outsider = await Service.GetAsync(await fixture.App.PrincipalAsync("provider@demo.test"), "no-such-provider");
        var staff = await Service.GetAsync(await fixture.App.PrincipalAsync("admin@demo.test"), "no-such-provider");

        outsider.NotFound.ShouldBeFalse("an outsider cannot tell an unknown provider from one they may not see");
        staff.NotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Workspace_ListsOnlyTheBrandsServedToday()
    {
        var view = (await fixture.App.Services.GetRequiredService<ProviderWorkspace>().GetAsync(await fixture.App.PrincipalAsync(ProviderScorecardFixture.Operator))).Value!;

        view.ProviderCode.ShouldBe(ProviderScorecardFixture.Code);
        view.Brands.Select(b => b.Code).ShouldBe(["sc-alpha"], "beta was revoked, gamma has not started, delta and alpha's ended periods add nothing");
        var alpha = view.Brands.Single();
        alpha.Areas.ShouldBe(DelegatedArea.StreamPlans | DelegatedArea.MetricsImport, "only the running delegation's areas");
        alpha.ServedSince.ShouldBe(new DateOnly(2026, 9, 1));
        alpha.ServedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task Workspace_ShowsOnlyTheFiguresTheBrandHandsOver()
    {
        // Alpha's running delegation hands over stream plans and figures, not its STEPS tasks.
        await fixture.App.Services.GetRequiredService<Portal.Core.Features.Portfolio.PortfolioRefresher>().RefreshAsync([fixture.Alpha]);

        var alpha = (await fixture.App.Services.GetRequiredService<ProviderWorkspace>().GetAsync(await fixture.App.PrincipalAsync(ProviderScorecardFixture.Operator))).Value!.Brands.Single();

        alpha.FiguresAsOf.ShouldNotBeNull("the brand has its portfolio row");
        (alpha.ShowsFigures, alpha.Gmv30.HasValue).ShouldBe((true, true));
        (alpha.ShowsSteps, alpha.Progress).ShouldBe((false, null), "the journey is not the provider's to see");
        (alpha.ShowsStalled, alpha.Stalled.HasValue).ShouldBe((true, true));
    }

    [Theory]
    [InlineData(1087.99, ProviderLevel.Emerging)]
    [InlineData(1088, ProviderLevel.Rising)]
    [InlineData(1999.99, ProviderLevel.Rising)]
    [InlineData(2000, ProviderLevel.Leading)]
    public void Level_AroundTheConfiguredThresholds_StepsUpAtEachThreshold(double gmv, ProviderLevel level) =>
        fixture.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProviderLevelOptions>>().Value.LevelOf((decimal)gmv).ShouldBe(level);

    [Fact]
    public void LevelSentence_AtTheLeadingThreshold_SaysItReachedIt()
    {
        using var _ = PortalCultures.Use(PortalCultures.English);
        var strings = fixture.App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Portal.Core.ProviderWorkStrings>>();
        var options = new ProviderLevelOptions { RisingYearlyGmv = 100_000_000m, LeadingYearlyGmv = 1_000_000_000m };

        ProviderLevels.Explain(strings, options, 1_000_000_000m, new DateOnly(2025, 11, 17), new DateOnly(2026, 11, 16))
            .ShouldBe("Leading on the 造风者 path: served brands sold ¥1B in 2025-11-17 – 2026-11-16 inside their delegation periods, reaching ¥1B.");
        ProviderLevels.Explain(strings, options, 99_999_999m, new DateOnly(2025, 11, 17), new DateOnly(2026, 11, 16))
            .ShouldBe("Emerging on the 造风者 path: served brands sold ¥100M in 2025-11-17 – 2026-11-16 inside their delegation periods; ¥1 more reaches Rising (¥100M).");
    }

    [Theory]
    [InlineData("Providers:Levels:RisingYearlyGmv", "0", "Providers:Levels:RisingYearlyGmv")]
    [InlineData("Providers:Levels:LeadingYearlyGmv", "50000000", "Providers:Levels:LeadingYearlyGmv")]
    public void LevelOptions_WithBadValue_NameTheSetting(string key, string value, string named)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var error = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(
            () => Portal.Core.Options.SettingsExtensions.ReadValidated(settings, ProviderLevelOptions.Section, new ProviderLevelOptionsValidator()));

        error.Message.ShouldContain(named);
    }

    [Fact]
    public async Task Workspace_ForAPersonOutsideEveryProvider_IsRefusedWithAClearMessage()
    {
        using var _ = PortalCultures.Use(PortalCultures.English);
        var outcome = await fixture.App.Services.GetRequiredService<ProviderWorkspace>().GetAsync(await fixture.App.PrincipalAsync(ProviderScorecardFixture.Outsider));

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldBe(["You are not part of any service provider. Ask your provider's manager for an invitation."]);
    }
}
