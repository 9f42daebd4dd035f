using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// The portfolio's paging, sorting, filters and saved views with 300 generated brands, the same scenarios on both
/// engines (<see cref="PortfolioQueryTests"/>, <see cref="PortfolioQueryPostgresTests"/>).
/// </summary>
public abstract class PortfolioQueryScenarios(PortfolioFixture fixture)
{
    private static readonly PortfolioSpec Ours = new() { Search = PortfolioFixture.Prefix, PageSize = 200 };

    private PortfolioQuery Query => fixture.App.Services.GetRequiredService<PortfolioQuery>();

    private Task<ClaimsPrincipal> StaffAsync() => fixture.App.PrincipalAsync(DemoData.OperatorEmail);

    private async Task<PortfolioPage> PageAsync(PortfolioSpec spec)
    {
        using var _ = PortalCultures.Use(PortalCultures.English);
        var page = await Query.PageAsync(await StaffAsync(), spec);
        page.Errors.ShouldBeEmpty();
        return page.Value.ShouldNotBeNull();
    }

    /// <summary>Every matching code over all pages (page size 200), in the answer's order.</summary>
    private async Task<List<string>> AllCodesAsync(PortfolioSpec spec)
    {
        var codes = new List<string>();
        for (var page = 0; ; page++)
        {
            var answer = await PageAsync(spec with { Page = page });
            codes.AddRange(answer.Rows.Select(r => r.Code));
            if (answer.Rows.Count < spec.PageSize)
            {
                codes.Count.ShouldBe(answer.Total);
                return codes;
            }
        }
    }

    [EngineFact]
    public async Task Paging_WalksEveryBrandOnce_WithTheTotalOnEachPage()
    {
        var seen = new List<string>();
        for (var page = 0; page < 13; page++)
        {
            var answer = await PageAsync(Ours with { PageSize = 25, Page = page, Sort = PortfolioSort.Code });
            answer.Total.ShouldBe(PortfolioFixture.Count);
            answer.Rows.Count.ShouldBe(page < 12 ? 25 : 0);
            seen.AddRange(answer.Rows.Select(r => r.Code));
        }

        seen.ShouldBe(fixture.Expected(_ => true));
    }

    [EngineFact]
    public async Task PageSize_IsCappedByTheSetting()
    {
        var answer = await PageAsync(Ours with { PageSize = 100_000 });
        answer.Rows.Count.ShouldBe(200);
        answer.Total.ShouldBe(PortfolioFixture.Count);
    }

    [EngineFact]
    public async Task SortByGmv_Descending_PutsTheLargestFirst_TiesByCode()
    {
        var codes = await AllCodesAsync(Ours with { Sort = PortfolioSort.Gmv, Descending = true });
        codes.ShouldBe(fixture.Brands.OrderByDescending(b => b.Gmv30).ThenBy(b => b.Code, StringComparer.Ordinal).Select(b => b.Code).ToList());
        var first = (await PageAsync(Ours with { Sort = PortfolioSort.Gmv, Descending = true, PageSize = 1 })).Rows.Single();
        first.Gmv30.ShouldBe(fixture.Brands.Max(b => b.Gmv30));
    }

    [EngineFact]
    public async Task SortByName_FollowsTheReadersLanguage()
    {
        var english = await AllCodesAsync(Ours with { Sort = PortfolioSort.Name });
        english.ShouldBe(fixture.Brands.OrderBy(b => b.NameEn, StringComparer.Ordinal).Select(b => b.Code).ToList());

        using var _ = PortalCultures.Use(PortalCultures.Chinese);
        var page = await Query.PageAsync(await StaffAsync(), Ours with { Sort = PortfolioSort.Name, PageSize = 3 });
        // The Chinese names run the other way round.
        page.Value!.Rows.Select(r => r.Code).ShouldBe([$"{PortfolioFixture.Prefix}-299", $"{PortfolioFixture.Prefix}-298", $"{PortfolioFixture.Prefix}-297"]);
        page.Value.Rows[0].Name.ShouldBe("品牌000");
    }

    [EngineFact]
    public async Task SortByTier_UsesTheGrowthOrder_NotTheAlphabet()
    {
        var codes = await AllCodesAsync(Ours with { Sort = PortfolioSort.Tier, Descending = true });
        codes.ShouldBe(fixture.Brands.OrderByDescending(b => (int)b.Tier).ThenBy(b => b.Code, StringComparer.Ordinal).Select(b => b.Code).ToList());
    }

    [EngineFact]
    public async Task Rows_CarryTheMaintainedFigures()
    {
        var rows = (await PageAsync(Ours with { Sort = PortfolioSort.Code, PageSize = 200 })).Rows;
        foreach (var row in rows)
        {
            var g = fixture.Brands.Single(b => b.Code == row.Code);
            row.Gmv30.ShouldBe(g.Gmv30, row.Code);
            row.Compliance.ShouldBe(g.Compliance, row.Code);
            row.Stalled.ShouldBe(g.Stalled, row.Code);
            row.Tier.ShouldBe(g.Tier);
            row.Status.ShouldBe(g.Status);
            row.AccountManagerId.ShouldBe(g.Mine ? fixture.OperatorId : null);
            row.Categories.Count.ShouldBe(g.Food ? 1 : 0);
            row.Progress.Count.ShouldBe(5);
        }

        // Daily senders compare 30 days of figures with 10 in the window before: +200%.
        rows.Single(r => r.Code == $"{PortfolioFixture.Prefix}-001").TrendPercent.ShouldBe(200);
    }

    [EngineFact]
    public async Task SavedViews_AnswerExactlyTheirBrands()
    {
        foreach (var view in Enum.GetValues<PortfolioView>().Where(v => v != PortfolioView.All))
        {
            var spec = Ours with { View = view, Sort = PortfolioSort.Code };
            Func<GeneratedBrand, bool> expected = spec.View switch
            {
                PortfolioView.Mine => b => b.Mine,
                PortfolioView.ReadyForReview => b => b.Status is ApplicationStatus.Submitted or ApplicationStatus.UnderReview || b.Document == DocumentKind.Awaiting,
                PortfolioView.ExpiringDocuments => b => b.Document == DocumentKind.Expiring,
                PortfolioView.Blocked => b => b.Compliance == ComplianceStatus.Blocked,
                _ => b => b.Stalled,
            };
            var codes = await AllCodesAsync(spec);
            codes.ShouldNotBeEmpty(view.ToString());
            codes.ShouldBe(fixture.Expected(expected), view.ToString());
        }
    }

    [EngineFact]
    public async Task Filters_TierStatusComplianceCategoryAndStalled_CombineWithAnd()
    {
        (await AllCodesAsync(Ours with { Tier = GrowthTier.Ka, Sort = PortfolioSort.Code })).ShouldBe(fixture.Expected(b => b.Tier == GrowthTier.Ka));
        (await AllCodesAsync(Ours with { Status = ApplicationStatus.Approved, Sort = PortfolioSort.Code })).ShouldBe(fixture.Expected(b => b.Status == ApplicationStatus.Approved));
        foreach (var compliance in Enum.GetValues<ComplianceStatus>())
        {
            (await AllCodesAsync(Ours with { Compliance = compliance, Sort = PortfolioSort.Code })).ShouldBe(fixture.Expected(b => b.Compliance == compliance), compliance.ToString());
        }

        (await AllCodesAsync(Ours with { Category = "food", Sort = PortfolioSort.Code })).ShouldBe(fixture.Expected(b => b.Food));
        (await AllCodesAsync(Ours with { Stalled = false, Sort = PortfolioSort.Code })).ShouldBe(fixture.Expected(b => !b.Stalled));
        (await AllCodesAsync(Ours with { View = PortfolioView.Mine, Tier = GrowthTier.NewStore, Sort = PortfolioSort.Code }))
            .ShouldBe(fixture.Expected(b => b.Mine && b.Tier == GrowthTier.NewStore));
        (await AllCodesAsync(Ours with { Search = $"{PortfolioFixture.Prefix}-01", Sort = PortfolioSort.Code })).Count.ShouldBe(10);
    }

    [EngineFact]
    public async Task ApprovedDocumentLapsingAfterTheRefresh_CountsAsBlockedWithoutAnotherRefresh()
    {
        var expiring = fixture.Brands.First(b => b.Document == DocumentKind.Expiring).Code;
        var before = await PageAsync(Ours with { Search = expiring });
        before.Rows.Single().Compliance.ShouldBe(ComplianceStatus.Compliant);

        // A query that runs 11 days later sees the expiry, though no refresh ran since.
        var query = new PortfolioQuery(
            fixture.App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Core.Data.PortalDbContext>>(),
            fixture.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Core.Features.Metrics.MetricsOptions>>(),
            fixture.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortfolioOptions>>(),
            fixture.App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Portal.Core.PortfolioStrings>>(),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(PortfolioFixture.Now.AddDays(11)));
        var later = await query.PageAsync(await StaffAsync(), Ours with { View = PortfolioView.Blocked, Search = expiring });
        later.Value!.Rows.Single().Compliance.ShouldBe(ComplianceStatus.Blocked);
    }

    [EngineFact]
    public async Task BrandManager_IsRefused()
    {
        var manager = await fixture.App.PrincipalAsync(DemoData.BrandManagerEmail);
        var page = await Query.PageAsync(manager, Ours);
        page.Succeeded.ShouldBeFalse();
        page.Value.ShouldBeNull();
        (await Query.CountAsync(manager, Ours)).Succeeded.ShouldBeFalse();
        await Should.ThrowAsync<UnauthorizedAccessException>(async () => await Query.AllAsync(manager, Ours).ToListAsync());
    }

    [EngineFact]
    public void Spec_RoundTripsThroughTheQueryString()
    {
        var spec = new PortfolioSpec
        {
            View = PortfolioView.ExpiringDocuments, Search = "tea", Tier = GrowthTier.Ska, Status = ApplicationStatus.UnderReview,
            Compliance = ComplianceStatus.Blocked, Category = "food", Stalled = true, Sort = PortfolioSort.Gmv, Descending = true, Page = 3, PageSize = 50,
        };
        var query = spec.ToQuery().ToDictionary(q => q.Key, q => new StringValues(q.Value));
        query["view"].ToString().ShouldBe("expiring-documents");
        PortfolioSpec.FromQuery(query).ShouldBe(spec);
        PortfolioSpec.FromQuery([]).ShouldBe(new PortfolioSpec());
        PortfolioSpec.FromQuery(new Dictionary<string, StringValues> { ["view"] = "nonsense", ["page"] = "-4", ["sort"] = "x.desc" })
            .ShouldBe(new PortfolioSpec { Descending = true });
        spec.ToUrl("/ops/portfolio").ShouldStartWith("/ops/portfolio?view=expiring-documents&q=tea");
    }
}

/// <summary>The portfolio query's scenarios on SQLite.</summary>
// The SQLite instance of the scenarios: its PostgreSQL twin runs them there, so the both-engines run skips this class.
[Trait("Engine", "Sqlite")]
public sealed class PortfolioQueryTests(PortfolioFixture fixture) : PortfolioQueryScenarios(fixture), IClassFixture<PortfolioFixture>;

/// <summary>The portfolio query's scenarios on PostgreSQL.</summary>
[Trait("Kind", "Postgres")]
public sealed class PortfolioQueryPostgresTests(PortfolioPostgresFixture fixture) : PortfolioQueryScenarios(fixture), IClassFixture<PortfolioPostgresFixture>;
