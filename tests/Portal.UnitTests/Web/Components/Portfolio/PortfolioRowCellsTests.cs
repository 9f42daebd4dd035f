using Microsoft.Extensions.Localization;
using Portal.Core;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Tiers;
using Portal.Web.Components.Pages.Portfolio;
using Column = Portal.Web.Components.Pages.Portfolio.PortfolioPage.GridColumn;

namespace Portal.UnitTests.Web.Components.Portfolio;

/// <summary>
/// The portfolio's cells as markup strings (fast unit tests, no app): what a person typed is encoded, and the cells
/// shared across circuits are shared per language only.
/// </summary>
public sealed class PortfolioRowCellsTests : LocalizedMarkupTest
{
    private IStringLocalizer<PortfolioStrings> P => Localizer<PortfolioStrings>();

    [Fact]
    public void BrandAndManagerCells_WithMarkupInNames_AreEncoded()
    {
        var row = Row(name: "<b onclick=\"x\">Tea & 'Co'</b>", code: "t\"ea", manager: "<i>Wang</i>");

        var brand = PortfolioRowCells.Brand(row).Value;
        var manager = PortfolioRowCells.For(Column.Manager, row, P).Value;
        var categories = PortfolioRowCells.For(Column.Categories, row, P).Value;

        brand.ShouldContain("&lt;b onclick=&quot;x&quot;&gt;Tea &amp; &#39;Co&#39;&lt;/b&gt;");
        brand.ShouldContain("href=\"/ops/brands/t&quot;ea\"");
        brand.ShouldNotContain("<b ");
        manager.ShouldBe("<td class=\"mud-table-cell\">&lt;i&gt;Wang&lt;/i&gt;</td>");
        categories.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void CategoriesManagerAndDayCells_AreSharedByRowsWithTheSameText_AndDifferOtherwise()
    {
        var day = new DateTimeOffset(2026, 3, 4, 1, 0, 0, TimeSpan.Zero);
        var row = Row(manager: "Zhao Min", lastActivity: day);
        var same = Row(name: "Another brand", code: "another", manager: "Zhao Min", lastActivity: day);
        var other = Row(manager: "Wang Fang", lastActivity: day.AddDays(1)) with { Categories = ["Tea"] };

        foreach (var column in new[] { Column.Categories, Column.Manager, Column.LastActivity })
        {
            var cell = PortfolioRowCells.For(column, row, P).Value;
            ReferenceEquals(cell, PortfolioRowCells.For(column, same, P).Value).ShouldBeTrue($"{column}");
            PortfolioRowCells.For(column, other, P).Value.ShouldNotBe(cell, $"{column}");
        }

        PortfolioRowCells.For(Column.LastActivity, row, P).Value.ShouldBe("<td class=\"mud-table-cell figure\">2026-03-04</td>");
        PortfolioRowCells.For(Column.Manager, other, P).Value.ShouldBe("<td class=\"mud-table-cell\">Wang Fang</td>");
    }

    [Fact]
    public void BrandCell_LinksToBrand360_WithItsCodeUnder_AndTakesItsLooksFromTheCellsClass()
    {
        var brand = PortfolioRowCells.Brand(Row(name: "Cloud Tea", code: "demo-tea")).Value;

        brand.ShouldBe("<td class=\"mud-table-cell sticky-left portfolio-brand-cell\"><a href=\"/ops/brands/demo-tea\" data-testid=\"portfolio-brand\">Cloud Tea</a><span>demo-tea</span></td>");
    }

    [Fact]
    public void SharedCells_InEachLanguage_CarryThatLanguagesText()
    {
        var row = Row(lastActivity: null);
        Use("en");
        var tierEn = PortfolioRowCells.For(Column.Tier, row, P).Value;
        var neverEn = PortfolioRowCells.For(Column.LastActivity, row, P).Value;
        Use("zh-CN");
        var tierZh = PortfolioRowCells.For(Column.Tier, row, P).Value;
        var neverZh = PortfolioRowCells.For(Column.LastActivity, row, P).Value;
        Use("en");

        tierZh.ShouldBe("<td class=\"mud-table-cell\">店铺爬坡</td>");
        neverZh.ShouldBe("<td class=\"mud-table-cell figure\">无</td>");
        tierEn.ShouldNotBe(tierZh);
        neverEn.ShouldNotBe(neverZh);
        PortfolioRowCells.For(Column.Tier, row, P).Value.ShouldBe(tierEn);
    }

    [Fact]
    public void TrendCell_FallingGmv_IsRedWithTheDownArrowAndASignedPercentage()
    {
        Use("en");

        var cell = PortfolioRowCells.For(Column.Trend, Row(trend: -12), P).Value;

        cell.ShouldStartWith("<td class=\"mud-table-cell figure\"><span class=\"mud-typography mud-typography-body2 mud-error-text");
        cell.ShouldContain("data-testid=\"portfolio-trend\"");
        cell.ShouldEndWith("−12%</span></td>");
    }

    [Fact]
    public void TrendCells_AreSharedByRowsWithTheSameTrend_AndRareTrendsAreStillRight()
    {
        Use("en");

        var cell = PortfolioRowCells.For(Column.Trend, Row(trend: 37), P).Value;
        var same = PortfolioRowCells.For(Column.Trend, Row(trend: 37), P).Value;
        var other = PortfolioRowCells.For(Column.Trend, Row(trend: 38), P).Value;
        var rare = PortfolioRowCells.For(Column.Trend, Row(trend: 4_200), P).Value;

        ReferenceEquals(cell, same).ShouldBeTrue();
        cell.ShouldContain("mud-success-text");
        cell.ShouldEndWith("+37%</span></td>");
        other.ShouldEndWith("+38%</span></td>");
        rare.ShouldEndWith("+4200%</span></td>");
    }

    [Fact]
    public void ProgressCell_IsSharedByRowsWithTheSameProgress_AndDiffersWithAnyArea()
    {
        Use("en");

        var cell = PortfolioCells.ProgressCell(P, "Progress <by area>", [10, 20, 30, 40, 50]);
        var same = PortfolioCells.ProgressCell(P, "Progress <by area>", new List<int> { 10, 20, 30, 40, 50 });
        var lastDiffers = PortfolioCells.ProgressCell(P, "Progress <by area>", [10, 20, 30, 40, 51]);
        var firstDiffers = PortfolioCells.ProgressCell(P, "Progress <by area>", [11, 20, 30, 40, 50]);

        ReferenceEquals(cell.Value, same.Value).ShouldBeTrue();
        cell.Value.ShouldStartWith("<td class=\"mud-table-cell\"><div class=\"portfolio-progress\" role=\"list\" aria-label=\"Progress &lt;by area&gt;\"");
        cell.Value.Split("data-testid=\"progress-bar\"").Length.ShouldBe(6);
        cell.Value.ShouldContain("aria-valuenow=\"50\"");
        lastDiffers.Value.ShouldContain("aria-valuenow=\"51\"");
        firstDiffers.Value.ShouldContain("aria-valuenow=\"11\"");
        cell.Value.ShouldEndWith("</div></div></div></div></td>");
    }

    private static PortfolioRowView Row(string name = "Cloud Tea", string code = "demo-tea", string? manager = null, int? trend = 5, DateTimeOffset? lastActivity = null) =>
        new(Guid.NewGuid(), code, name, ["<script>", "Tea"], GrowthTier.RampUp, ApplicationStatus.Approved, ComplianceStatus.Compliant,
            [10, 20, 30, 40, 50], 120_000m, 100_000m, trend, null, manager, false, lastActivity, 0, null);
}
