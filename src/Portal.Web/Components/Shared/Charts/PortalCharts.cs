using System.Globalization;
using MudBlazor;
using Portal.Core.Formatting;

namespace Portal.Web.Components.Shared.Charts;

/// <summary>How a value axis and its tooltip write figures.</summary>
public enum ChartUnit
{
    /// <summary>Yuan: <c>¥7,672.6万</c> on the axis (zh), <c>¥76.7M</c> (en); the tooltip exact, <c>¥76,725,734</c>.</summary>
    Money,

    /// <summary>A count: <c>12.5万</c> / <c>125K</c>; the tooltip <c>125,000</c>.</summary>
    Count,

    /// <summary>Percentage points (42 is 42%).</summary>
    Percent,
}

/// <summary>
/// The portal's chart settings in one place, so every chart reads the same at a glance: a value axis in the
/// reader's compact figures (<see cref="Figures"/>) with about <see cref="ValueTicks"/> ticks from zero, at most
/// <see cref="MaxDateLabels"/> date labels (they fit a 390 px phone without overlapping), a tooltip with the exact
/// value, no legend for a single series, and unknown days left as gaps in the line instead of drawn as zeros.
/// MudBlazor 9's <c>MudChart</c> does all of this through its options (see docs/decisions/0016-figures-and-charts.md).
/// </summary>
public static class PortalCharts
{
    /// <summary>About this many value ticks (grid lines), zero included.</summary>
    public const int ValueTicks = 5;

    /// <summary>At most this many date labels on a time axis.</summary>
    public const int MaxDateLabels = 6;

    /// <summary>The chart's height on every card; the width is the card's.</summary>
    public const string Height = "260px";

    /// <summary>Options for a line chart over days.</summary>
    public static LineChartOptions Line(IReadOnlyCollection<ChartSeries<double>> series, ChartUnit unit, CultureInfo? culture = null)
    {
        var options = new LineChartOptions
        {
            YAxisRequireZeroPoint = true,
            ConnectNullPoints = false,
            // A known day between two unknown ones has no line to draw: its marker is all that shows it.
            ShowDataMarkers = series.Any(HasIsolatedPoint),
            LineStrokeWidth = 2,
        };
        Apply(options, series, unit, culture);
        return options;
    }

    /// <summary>Options for a bar chart (months, funnel stages, tiers).</summary>
    public static BarChartOptions Bar(IReadOnlyCollection<ChartSeries<double>> series, ChartUnit unit, CultureInfo? culture = null)
    {
        var options = new BarChartOptions();
        Apply(options, series, unit, culture);
        return options;
    }

    /// <summary>
    /// A series whose unknown values stay unknown (a gap), with a tooltip that names the point's day (or month)
    /// and writes its exact value: <c>11-14 · ¥143,500</c>.
    /// </summary>
    public static ChartSeries<double> Series(string name, IEnumerable<double?> values, ChartUnit unit, CultureInfo? culture = null) => new()
    {
        Name = name,
        Data = new ChartData<double>(values.ToArray()),
        TooltipYValueFormat = ExactFormat(unit),
        TooltipTitleFormat = TooltipTitle,
    };

    /// <summary>What a tooltip's first line says: the point's label (day or month), then its exact value.</summary>
    public const string TooltipTitle = "{{X_VALUE}} · {{Y_VALUE}}";

    /// <summary>A series of known values, with its tooltip writing the exact value.</summary>
    public static ChartSeries<double> Series(string name, IEnumerable<double> values, ChartUnit unit, CultureInfo? culture = null) =>
        Series(name, values.Select(v => (double?)v), unit, culture);

    /// <summary>
    /// Labels for a time axis: every day is labelled, so the tooltip of any point names its day;
    /// <see cref="DateAxisCss"/> then shows only every n-th of them on the axis.
    /// </summary>
    public static string[] DateLabels(IReadOnlyList<DateOnly> days) => days.Select(ShortDate).ToArray();

    /// <summary>
    /// The CSS that shows only every n-th date label (counted from the last day, which always shows) of the
    /// charts inside an element of class <paramref name="scope"/>, so at most <paramref name="max"/> of
    /// <paramref name="count"/> labels share the width; empty when all of them fit.
    /// </summary>
    public static string DateAxisCss(string scope, int count, int max = MaxDateLabels)
    {
        var every = LabelStep(count, max);
        return every <= 1 ? "" : $".{scope} .mud-charts-xaxis text:not(:nth-last-child({every}n+1)) {{ display: none; }}";
    }

    /// <summary>The indexes of the labels <see cref="DateAxisCss"/> leaves visible (for tests and reasoning).</summary>
    public static IEnumerable<int> VisibleDateLabels(int count, int max = MaxDateLabels)
    {
        var every = LabelStep(count, max);
        return Enumerable.Range(0, count).Where(i => (count - 1 - i) % every == 0);
    }

    /// <summary>How many points one label stands for, so that at most <paramref name="max"/> labels are shown.</summary>
    public static int LabelStep(int count, int max = MaxDateLabels) => max <= 0 || count <= max ? 1 : (int)Math.Ceiling(count / (double)max);

    /// <summary>A day as a chart labels it: <c>11-16</c>.</summary>
    public static string ShortDate(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A round step (1, 2 or 5 × 10ⁿ, at least 1) that covers 0..<paramref name="max"/> in about <see cref="ValueTicks"/> ticks.</summary>
    public static int TickStep(double max, int ticks = ValueTicks)
    {
        if (double.IsNaN(max) || max <= 0)
        {
            return 1;
        }

        var raw = max / Math.Max(1, ticks - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1d, 2d, 5d, 10d }.Select(f => f * magnitude).First(s => s >= raw);
        return (int)Math.Clamp(Math.Ceiling(step), 1, int.MaxValue / 2);
    }

    /// <summary>The figure a value axis prints for <paramref name="value"/>.</summary>
    public static string AxisLabel(double value, ChartUnit unit, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var amount = (decimal)value;
        return unit switch
        {
            ChartUnit.Money => Figures.Money(amount, culture),
            ChartUnit.Percent => Figures.Percent(value / 100, 0, culture),
            _ => Figures.Compact(amount, culture),
        };
    }

    /// <summary>True when some known value has no known neighbour, so a line alone would not show it.</summary>
    public static bool HasIsolatedPoint(ChartSeries<double> series)
    {
        var points = series.Data.Points;
        bool Known(int i) => i >= 0 && i < points.Count && points[i].HasValue;
        return Enumerable.Range(0, points.Count).Any(i => Known(i) && !Known(i - 1) && !Known(i + 1));
    }

    private static void Apply(MudBlazor.Charts.DefaultAxisChartOptions options, IReadOnlyCollection<ChartSeries<double>> series, ChartUnit unit, CultureInfo? culture)
    {
        culture ??= CultureInfo.CurrentCulture;
        var values = series.SelectMany(s => s.Data.Points).Where(p => p.HasValue).Select(p => p.Y).ToList();
        options.YAxisTicks = TickStep(values.Count == 0 ? 0 : values.Max());
        options.MaxNumYAxisTicks = ValueTicks + 1;
        options.YAxisToStringFunc = value => AxisLabel(value, unit, culture);
        options.ShowLegend = series.Count > 1;
        options.ShowToolTips = true;
        options.XAxisLabelRotation = 0;
    }

    private static string ExactFormat(ChartUnit unit) => unit switch
    {
        ChartUnit.Money => "¥#,##0.##",
        ChartUnit.Percent => "0.#'%'",
        _ => "#,##0",
    };
}
