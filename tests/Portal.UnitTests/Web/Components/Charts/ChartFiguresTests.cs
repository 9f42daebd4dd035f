using Bunit;
using Portal.Core.Localization;
using Portal.Web.Components.Shared.Charts;

namespace Portal.UnitTests.Web.Components.Charts;

/// <summary>A chart's figures as a table, opened under the chart: exact values, unknown ones as a dash, in the reader's language.</summary>
public sealed class ChartFiguresTests : PortalTestContext
{
    private IRenderedComponent<ChartFigures> Figures(ChartUnit unit, params double?[] values) =>
        Render<ChartFigures>(p => p
            .Add(x => x.Caption, "GMV per day")
            .Add(x => x.PeriodHeader, "Day")
            .Add(x => x.Periods, ["2026-11-15", "2026-11-16"])
            .Add(x => x.Columns, [("GMV", (IReadOnlyList<double?>)values)])
            .Add(x => x.Unit, unit));

    [Fact]
    public void Closed_DrawsNoTable_AndSaysItCanOpen()
    {
        var figures = Figures(ChartUnit.Money, 1234.5, null);

        figures.FindAll("table").ShouldBeEmpty();
        var button = figures.Find("button");
        button.TextContent.Trim().ShouldBe("The figures as a table");
        button.GetAttribute("aria-expanded").ShouldBe("false");
    }

    [Fact]
    public void Opened_ListsEachPeriodWithItsExactValue_AndAnUnknownAsADash()
    {
        var figures = Figures(ChartUnit.Money, 12_345_678.5, null);

        figures.Find("button").Click();

        figures.Find("button").GetAttribute("aria-expanded").ShouldBe("true");
        figures.Find("caption").TextContent.ShouldBe("GMV per day");
        figures.FindAll("thead th").Select(th => th.TextContent).ShouldBe(["Day", "GMV"]);
        figures.FindAll("tbody tr").Select(tr => tr.TextContent.Trim()).ShouldBe(["2026-11-15¥12,345,678.50", "2026-11-16—"]);
    }

    [Fact]
    public void Percent_AndCount_AreWrittenInTheirUnits_InChinese()
    {
        UseCulture(PortalCultures.Chinese);
        var rates = Figures(ChartUnit.Percent, 12.5, 3);
        var fans = Figures(ChartUnit.Count, 123_456, 7);

        rates.Find("button").Click();
        fans.Find("button").Click();

        rates.Find("button").TextContent.Trim().ShouldBe("收起表格");
        rates.FindAll("tbody td").Select(td => td.TextContent).ShouldBe(["12.5%", "3%"]);
        fans.FindAll("tbody td").Select(td => td.TextContent).ShouldBe(["123,456", "7"]);
    }
}
