using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Core;
using Portal.Core.Features.Portfolio;
using Portal.Core.Formatting;
using Portal.Web.Components.Shared;

namespace Portal.Web.Components.Pages.Portfolio;

/// <summary>
/// A portfolio row's cells, each a whole <c>&lt;td&gt;</c> as one markup string: one render-tree frame a cell where
/// the element, its class and its content took three to twelve. A page of 25 rows passed 2,048 frames, and a circuit
/// keeps its tree in frame arrays sized to the next power of two, two of them once the page has changed
/// (docs/BENCHMARKS.md, issue 17). Cells that depend only on a value and the language (tier, status, compliance,
/// the stalled chip, trends) are built once and shared by every circuit, as are those whose text repeats (categories,
/// manager, day of last activity); the brand and GMV cells are built per row. The progress cell is
/// <see cref="PortfolioCells.ProgressCell"/>, shared by the rows that show the same progress.
/// </summary>
internal static class PortfolioRowCells
{
    private const string Cell = "<td class=\"mud-table-cell\">";
    private const string FigureCell = "<td class=\"mud-table-cell figure\">";

    // The trend arrows (an inline <svg> of the Material path).
    private static readonly string TrendUp = Svg(Icons.Material.Filled.TrendingUp);
    private static readonly string TrendDown = Svg(Icons.Material.Filled.TrendingDown);

    // Trends from -100 % up to this are shared cells.
    private const int TrendsShared = 1_000;

    // Bounded: languages × (the enums' values and the shared trends).
    private static readonly ConcurrentDictionary<(string Culture, string Key), MarkupString> Shared = new();

    // Cells whose text repeats across rows and circuits (a category list, an account manager, a day), shared by text.
    private static readonly SharedMarkupCache<(PortfolioPage.GridColumn Column, string Text), MarkupString> Texts = new(4_096);

    /// <summary>
    /// The pinned brand cell: the name linking to Brand 360, the code under it. Built per row, so its link and code take
    /// their looks (MudLink's, a secondary caption's) from the cell's class in app.css rather than carry the classes.
    /// </summary>
    public static MarkupString Brand(PortfolioRowView row) => new(
        $"""<td class="mud-table-cell sticky-left portfolio-brand-cell"><a href="/ops/brands/{Encode(row.Code)}" data-testid="portfolio-brand">{Encode(row.Name)}</a><span>{Encode(row.Code)}</span></td>""");

    /// <summary>The cell of <paramref name="column"/> for <paramref name="row"/>; not the progress cell (<see cref="PortfolioCells.ProgressCell"/>).</summary>
    public static MarkupString For(PortfolioPage.GridColumn column, PortfolioRowView row, IStringLocalizer<PortfolioStrings> p) => column switch
    {
        PortfolioPage.GridColumn.Categories => ByText(column, string.Join(", ", row.Categories), static text => $"""{Cell}<span class="mud-typography mud-typography-body2">{Encode(text)}</span></td>"""),
        PortfolioPage.GridColumn.Tier => Text(p, $"Tier_{row.Tier}"),
        PortfolioPage.GridColumn.Status => Text(p, $"Status_{row.Status}"),
        PortfolioPage.GridColumn.Compliance => SharedCell($"Compliance_{row.Compliance}", () => $"{Cell}{PortfolioCells.Compliance(p, row.Compliance)}</td>"),
        PortfolioPage.GridColumn.Gmv => new($"""{FigureCell}<span data-testid="portfolio-gmv" title="{Encode(Figures.MoneyExact(row.Gmv30))}">{Encode(Figures.Money(row.Gmv30))}</span></td>"""),
        PortfolioPage.GridColumn.Trend => Trend(row, p),
        PortfolioPage.GridColumn.Manager => row.AccountManager is { } manager ? ByText(column, manager, static text => $"{Cell}{Encode(text)}</td>") : Text(p, "Portfolio_NoManager"),
        PortfolioPage.GridColumn.Stalled => row.Stalled ? SharedCell("Stalled", () => $"{Cell}{PortfolioCells.Stalled(p)}</td>") : new($"{Cell}</td>"),
        PortfolioPage.GridColumn.LastActivity => row.LastActivityAt is { } at
            ? ByText(column, PlatformTime.ToPlatform(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), static day => $"{FigureCell}{day}</td>")
            : SharedCell("Portfolio_Never", () => $"{FigureCell}{Encode(p["Portfolio_Never"])}</td>"),
        _ => new($"{Cell}</td>"),
    };

    /// <summary>A trend in whole percent as a signed percentage: <c>+12%</c>, <c>−4%</c>.</summary>
    public static string TrendText(int percent) =>
        (percent > 0 ? "+" : percent < 0 ? "−" : "") + Figures.Percent(Math.Abs(percent) / 100.0, 0);

    private static MarkupString Trend(PortfolioRowView row, IStringLocalizer<PortfolioStrings> p)
    {
        if (row.TrendPercent is { } trend)
        {
            // Shared by value (each cell carries its arrow's SVG, about 800 bytes): percentages mostly lie in a small
            // range, so the cache stays small; rarer ones are built per row.
            return trend is >= -100 and <= TrendsShared ? SharedCell($"Trend_{trend}", () => TrendCell(trend)) : new(TrendCell(trend));
        }

        return row.Gmv30 > 0
            ? SharedCell("Portfolio_TrendNew", () => $"""{FigureCell}<span class="mud-typography mud-typography-body2">{Encode(p["Portfolio_TrendNew"])}</span></td>""")
            : new($"{FigureCell}</td>");
    }

    private static string TrendCell(int trend) =>
        $"""{FigureCell}<span class="mud-typography mud-typography-body2 {(trend >= 0 ? "mud-success-text" : "mud-error-text")} d-inline-flex align-center gap-1" data-testid="portfolio-trend">{(trend >= 0 ? TrendUp : TrendDown)}{Encode(TrendText(trend))}</span></td>""";

    private static MarkupString ByText(PortfolioPage.GridColumn column, string text, Func<string, string> build) =>
        Texts.Get((column, text), build, static (key, build) => new MarkupString(build(key.Text)));

    private static MarkupString Text(IStringLocalizer<PortfolioStrings> p, string key) =>
        SharedCell(key, () => $"{Cell}{Encode(p[key])}</td>");

    private static MarkupString SharedCell(string key, Func<string> build) =>
        Shared.GetOrAdd((CultureInfo.CurrentUICulture.Name, key), static (_, build) => new MarkupString(build()), build);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Svg(string path) =>
        $"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-small" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{path}</svg>""";
}
