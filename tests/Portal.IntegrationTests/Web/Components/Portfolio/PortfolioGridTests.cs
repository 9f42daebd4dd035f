using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Seeding;
using Portal.Core.Localization;
using Portal.IntegrationTests.Core.Features.Notifications;
using PortfolioPage = Portal.Web.Components.Pages.Portfolio.PortfolioPage;

namespace Portal.IntegrationTests.Web.Components.Portfolio;

/// <summary>
/// The portfolio grid's cells: GMV in the reader's units, right-aligned; the STEPS progress bars present and labelled;
/// compact headers and the column chooser. The real page over the real query and refresher.
/// </summary>
public sealed class PortfolioGridTests : PortalTestContext, IClassFixture<NotificationsApp>
{
    private readonly NotificationsApp _fixture;

    public PortfolioGridTests(NotificationsApp fixture)
    {
        _fixture = fixture;
        Services.AddSingleton(fixture.App.Services.GetRequiredService<PortfolioQuery>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<PortfolioExports>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<Portal.Web.Infrastructure.CircuitSettings>());
    }

    /// <summary>A brand with ¥76,725,734 of GMV today and half of its first STEPS area done, alone in the grid.</summary>
    private async Task<IRenderedComponent<Bunit.Rendering.ContainerFragment>> GridOfABrandWithFiguresAsync()
    {
        var (code, id, _) = await _fixture.NewBrandAsync("grid");
        var app = _fixture.App;
        var today = PlatformTime.DayOf(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await app.Services.GetRequiredService<MetricsIngestionService>().IngestAsync([new MetricRowInput { Brand = code, Date = today, Gmv = 76_725_734m }]))
            .Errors.ShouldBeEmpty();
        await app.WithDbAsync(async db =>
        {
            var first = StepsAreas.InRecommendedOrder[0];
            var tasks = await db.PlaybookTasks.Where(t => t.IsActive && t.Area == first).Select(t => t.Id).ToListAsync();
            db.BrandTasks.AddRange(tasks.Take((tasks.Count + 1) / 2).Select(t => new BrandTask { BrandId = id, PlaybookTaskId = t, Status = BrandTaskStatus.Done }));
            return await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<PortfolioRefresher>().RefreshAsync([id]);

        var auth = AddAuthorization();
        auth.SetAuthorized(DemoData.OperatorEmail);
        auth.SetRoles(PortalRoles.SkaOperator);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, (await _fixture.UserIdAsync(DemoData.OperatorEmail)).ToString()));
        AddBunitPersistentComponentState();
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo($"/ops/portfolio?q={code}");
        // With a popover provider, as the layout has (the export buttons and alerts are still MudBlazor's).
        var page = Render(builder =>
        {
            builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<PortfolioPage>(1);
            builder.CloseComponent();
        });
        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-gmv']").Count.ShouldBe(1), TimeSpan.FromSeconds(10));
        return page;
    }

    [Theory]
    [InlineData(PortalCultures.English, "¥76.7M", "GMV 30d")]
    [InlineData(PortalCultures.Chinese, "¥7,672.6万", "近30天GMV")]
    public async Task GmvCell_IsCompactInTheReadersUnits_RightAligned_WithTheExactFigureAsItsTitle(string culture, string shown, string header)
    {
        UseCulture(culture);

        var page = await GridOfABrandWithFiguresAsync();

        var gmv = page.Find("[data-testid='portfolio-gmv']");
        gmv.TextContent.ShouldBe(shown);
        gmv.GetAttribute("title").ShouldBe("¥76,725,734");
        gmv.Closest("td")!.ClassList.ShouldContain("figure");
        page.FindAll("th").Select(th => th.TextContent.Trim()).ShouldContain(h => h.StartsWith(header, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProgressColumn_ShowsOneLabelledBarPerStepsArea_OutsideAnyInlineTooltip()
    {
        var page = await GridOfABrandWithFiguresAsync();

        var bars = page.FindAll("[data-testid='portfolio-progress'] [data-testid='progress-bar']");
        bars.Count.ShouldBe(StepsAreas.InRecommendedOrder.Count);
        // The old cell wrapped each bar in an inline tooltip, which has no width: the bars were there but invisible.
        page.FindAll("[data-testid='portfolio-progress'] .mud-tooltip-root").ShouldBeEmpty();
        bars[0].GetAttribute("aria-label").ShouldStartWith("E · Influencer distribution: ");
        bars[0].GetAttribute("aria-label").ShouldNotEndWith(": 0%");
        page.FindAll("[data-testid='portfolio-progress'] .portfolio-progress-letter").Select(l => l.TextContent).ShouldBe(["E", "T", "S", "P", "S"]);
    }

    [Fact]
    public async Task ColumnChooser_HidesAColumn_AndTheBrandColumnIsPinned()
    {
        var page = await GridOfABrandWithFiguresAsync();
        page.Find("td.portfolio-brand-cell").ClassList.ShouldContain("sticky-left");
        page.Find("th.sticky-left").GetAttribute("scope").ShouldBe("col");

        // The chooser is the browser's popover: its button names the list it opens, which is always in the page.
        var toggle = page.Find("[data-testid='portfolio-columns'] button");
        page.Find("[data-testid='portfolio-columns']").TextContent.ShouldNotContain("}");
        toggle.GetAttribute("popovertarget").ShouldBe("portfolio-column-list");
        page.Find("#portfolio-column-list").GetAttribute("popover").ShouldBe("auto");
        page.Find("[data-testid='column-Gmv']").HasAttribute("checked").ShouldBeTrue();
        await page.InvokeAsync(() => page.Find("[data-testid='column-Gmv']").Change(false));

        page.WaitForAssertion(() => page.FindAll("[data-testid='portfolio-gmv']").ShouldBeEmpty());
        page.Find("[data-testid='column-Gmv']").HasAttribute("checked").ShouldBeFalse();
        page.FindAll("th").Select(th => th.TextContent.Trim()).ShouldNotContain(h => h.StartsWith("GMV 30d", StringComparison.Ordinal));
    }
}
