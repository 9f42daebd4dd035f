using System.Globalization;
using Bunit;
using MudBlazor;
using Portal.Core.Localization;
using Portal.Web.Components.Shared.Charts;

namespace Portal.UnitTests.Web.Components.Charts;

/// <summary>The portal's chart settings: ticks, sparse date labels, axes in the reader's units, gaps, legends; and a real MudChart drawn with them.</summary>
public sealed class PortalChartsTests : PortalTestContext
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo(PortalCultures.Chinese);
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo(PortalCultures.English);

    private static IReadOnlyList<DateOnly> Days(int count) =>
        Enumerable.Range(0, count).Select(i => new DateOnly(2026, 6, 1).AddDays(i)).ToList();

    [Theory]
    [InlineData(12_451_840, 5_000_000)]
    [InlineData(100, 50)]
    [InlineData(42, 20)]
    [InlineData(3, 1)]
    [InlineData(0, 1)]
    public void TickStep_IsARoundStepGivingAboutFiveTicks(double max, int step)
    {
        PortalCharts.TickStep(max).ShouldBe(step);
        (Math.Ceiling(max / step) + 1).ShouldBeLessThanOrEqualTo(PortalCharts.ValueTicks + 1);
    }

    [Theory]
    [InlineData(180)]
    [InlineData(31)]
    [InlineData(7)]
    [InlineData(1)]
    public void DateLabels_NameEveryDay_AndTheAxisShowsAtMostSix_TheLastDayAlways(int days)
    {
        var labels = PortalCharts.DateLabels(Days(days));
        var visible = PortalCharts.VisibleDateLabels(days).ToList();

        labels.Length.ShouldBe(days);
        labels.ShouldAllBe(l => l.Length == 5);
        visible.Count.ShouldBeLessThanOrEqualTo(PortalCharts.MaxDateLabels);
        visible.ShouldContain(days - 1);
        labels[^1].ShouldBe(Days(days)[^1].ToString("MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DateAxisCss_HidesAllButEveryNthLabelCountedFromTheLast()
    {
        // 90 days, six labels at most: every 15th from the end (the 1st, 16th, 31st ... from the end) shows.
        PortalCharts.DateAxisCss("day-axis", 90).ShouldBe(".day-axis .mud-charts-xaxis text:not(:nth-last-child(15n+1)) { display: none; }");
        PortalCharts.VisibleDateLabels(90).ShouldBe([14, 29, 44, 59, 74, 89]);
        PortalCharts.DateAxisCss("day-axis", 6).ShouldBeEmpty();
    }

    [Fact]
    public void AxisLabel_WritesMoneyInWanForChineseAndInMillionsForEnglish()
    {
        PortalCharts.AxisLabel(15_000_000, ChartUnit.Money, Zh).ShouldBe("¥1,500万");
        PortalCharts.AxisLabel(15_000_000, ChartUnit.Money, En).ShouldBe("¥15M");
        PortalCharts.AxisLabel(25_000, ChartUnit.Count, Zh).ShouldBe("2.5万");
        PortalCharts.AxisLabel(25_000, ChartUnit.Count, En).ShouldBe("25K");
        PortalCharts.AxisLabel(40, ChartUnit.Percent, En).ShouldBe("40%");
    }

    [Fact]
    public void Series_KeepsUnknownDaysAsGaps_NotZeros()
    {
        var series = PortalCharts.Series("GMV", [1_000d, null, 3_000d], ChartUnit.Money);

        series.Data.Points.Select(p => p.HasValue).ShouldBe([true, false, true]);
        series.TooltipTitleFormat.ShouldBe("{{X_VALUE}} · {{Y_VALUE}}");
        PortalCharts.Line([series], ChartUnit.Money).ConnectNullPoints.ShouldBeFalse();
    }

    [Fact]
    public void Line_MarksPointsOnlyWhenAKnownDayStandsAlone()
    {
        PortalCharts.Line([PortalCharts.Series("Fans", [null, 5d, null, 7d, 8d], ChartUnit.Count)], ChartUnit.Count).ShowDataMarkers.ShouldBeTrue();
        PortalCharts.Line([PortalCharts.Series("Fans", [4d, 5d, null, 7d, 8d], ChartUnit.Count)], ChartUnit.Count).ShowDataMarkers.ShouldBeFalse();
    }

    [Fact]
    public void Options_ShowALegendOnlyForSeveralSeries_AndTooltipsAlways()
    {
        var one = PortalCharts.Line([PortalCharts.Series("GMV", [1d, 2d], ChartUnit.Money)], ChartUnit.Money);
        var three = PortalCharts.Bar(
            [PortalCharts.Series("a", [1d], ChartUnit.Money), PortalCharts.Series("b", [2d], ChartUnit.Money), PortalCharts.Series("c", [3d], ChartUnit.Money)],
            ChartUnit.Money);

        one.ShowLegend.ShouldBeFalse();
        three.ShowLegend.ShouldBeTrue();
        one.ShowToolTips.ShouldBeTrue();
        one.MaxNumYAxisTicks.ShouldBe(PortalCharts.ValueTicks + 1);
    }

    [Theory]
    [InlineData(PortalCultures.Chinese, "¥1,000万", "¥2,000万")]
    [InlineData(PortalCultures.English, "¥10M", "¥20M")]
    public void LineChart_DrawnWithTheSettings_HasAFormattedValueAxisAndSparseDates(string culture, string tick, string top)
    {
        UseCulture(culture);
        var days = Days(90);
        List<ChartSeries<double>> series = [PortalCharts.Series("GMV", days.Select((_, i) => i % 10 == 3 ? null : (double?)(i * 200_000)), ChartUnit.Money)];

        var chart = Render<MudChart<double>>(p => p
            .Add(c => c.ChartType, ChartType.Line)
            .Add(c => c.ChartSeries, series)
            .Add(c => c.ChartLabels, PortalCharts.DateLabels(days))
            .Add(c => c.ChartOptions, PortalCharts.Line(series, ChartUnit.Money))
            .Add(c => c.Width, "100%")
            .Add(c => c.Height, PortalCharts.Height));

        var yAxis = chart.FindAll(".mud-charts-yaxis text").Select(t => t.TextContent).ToList();
        yAxis.ShouldContain(tick);
        yAxis.ShouldContain(top);
        yAxis.Count.ShouldBeInRange(3, PortalCharts.ValueTicks + 1);
        yAxis.ShouldNotContain(t => t.Contains("000000", StringComparison.Ordinal));
        chart.FindAll(".mud-charts-xaxis text").Select(t => t.TextContent).ShouldBe(PortalCharts.DateLabels(days));
        chart.FindAll(".mud-chart-legend").ShouldBeEmpty();
    }
}
