using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Core;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Formatting;
using Portal.Web.Components.Shared;

namespace Portal.Web.Components.Pages.Portfolio;

/// <summary>
/// The portfolio rows' repeated pieces (a STEPS progress bar, the compliance and stalled chips) as markup strings,
/// built once per language and value and shared by every circuit. Each is one render-tree frame pointing at a
/// shared string, where the same markup as elements took ~20 frames: 25 rows of five bars made the page's tree
/// pass 4,096 frames, and a circuit keeps two frame arrays of that size (docs/BENCHMARKS.md, issue 17).
/// </summary>
internal static class PortfolioCells
{
    private static readonly StepsArea[] Areas = [.. StepsAreas.InRecommendedOrder];

    // Bounded: languages × 5 areas × 101 values; languages × 3 statuses; one chip a language.
    private static readonly ConcurrentDictionary<(string Culture, int Area, int Value), MarkupString> Bars = new();
    private static readonly ConcurrentDictionary<(string Culture, ComplianceStatus Status), MarkupString> Chips = new();
    private static readonly ConcurrentDictionary<string, MarkupString> StalledChips = new();

    // A row's whole progress cell by its values: as many as rows with distinct progress, so bounded; past the bound
    // a cell is built for the render that needs it.
    private static readonly SharedMarkupCache<(string Culture, string Label, long Values), MarkupString> ProgressCells = new(2_048);

    public static int AreaCount => Areas.Length;

    /// <summary>
    /// One area's bar: its letter (hidden from screen readers: the label says it) and a labelled
    /// <c>role="progressbar"</c> with MudProgressLinear's classes, its percentage on hover.
    /// </summary>
    public static MarkupString Bar(IStringLocalizer<PortfolioStrings> p, int area, int value) =>
        Bars.GetOrAdd((CultureInfo.CurrentUICulture.Name, area, Math.Clamp(value, 0, 100)), static (key, p) =>
        {
            var name = p[$"Area_{Areas[key.Area]}"].Value;
            var label = WebUtility.HtmlEncode($"{name}: {Figures.Percent(key.Value / 100.0, 0)}");
            var letter = WebUtility.HtmlEncode(name.Length > 0 ? name[..1] : "");
            var color = key.Value >= 100 ? "success" : "primary";
            return new MarkupString(
                $"""<div class="portfolio-progress-row" role="listitem" title="{label}"><span class="portfolio-progress-letter" aria-hidden="true">{letter}</span>"""
                + $"""<div role="progressbar" aria-valuenow="{key.Value}" aria-valuemin="0" aria-valuemax="100" aria-label="{label}" aria-valuetext="{label}" """
                + $"""class="mud-progress-linear mud-progress-linear-rounded mud-progress-linear-medium mud-progress-linear-color-{color} mud-progress-linear-background horizontal flex-grow-1" data-testid="progress-bar">"""
                + $"""<div class="mud-progress-linear-bars mud-flip-x-rtl"><div class="mud-progress-linear-bar" style="transform: translateX(-{100 - key.Value}%);"></div></div></div></div>""");
        }, p);

    /// <summary>
    /// A row's progress cell: a labelled list of its areas' bars (<see cref="Bar"/>), one markup string shared by the
    /// rows that show the same progress, where the cell's elements and five bars took twelve frames a row.
    /// </summary>
    public static MarkupString ProgressCell(IStringLocalizer<PortfolioStrings> p, string label, IReadOnlyList<int> progress)
    {
        var count = Math.Min(AreaCount, progress.Count);
        var values = (long)count;
        for (var i = 0; i < count; i++)
        {
            values = values << 7 | (uint)Math.Clamp(progress[i], 0, 100);
        }

        var key = (CultureInfo.CurrentUICulture.Name, label, values);
        return ProgressCells.Get(key, (p, label, progress), static (_, state) => BuildProgressCell(state.p, state.label, state.progress));
    }

    private static MarkupString BuildProgressCell(IStringLocalizer<PortfolioStrings> p, string label, IReadOnlyList<int> progress)
    {
        var cell = new System.Text.StringBuilder(
            $"""<td class="mud-table-cell"><div class="portfolio-progress" role="list" aria-label="{WebUtility.HtmlEncode(label)}" data-testid="portfolio-progress">""");
        for (var i = 0; i < AreaCount && i < progress.Count; i++)
        {
            cell.Append(Bar(p, i, progress[i]).Value);
        }

        return new MarkupString(cell.Append("</div></td>").ToString());
    }

    /// <summary>The compliance chip: MudChip's markup, its colour by status.</summary>
    public static MarkupString Compliance(IStringLocalizer<PortfolioStrings> p, ComplianceStatus status) =>
        Chips.GetOrAdd((CultureInfo.CurrentUICulture.Name, status), static (key, p) =>
        {
            var color = key.Status switch
            {
                ComplianceStatus.Compliant => "success",
                ComplianceStatus.Blocked => "error",
                _ => "default",
            };
            return Chip(color, "portfolio-compliance", p[$"Compliance_{key.Status}"].Value);
        }, p);

    /// <summary>The "Stalled" chip.</summary>
    public static MarkupString Stalled(IStringLocalizer<PortfolioStrings> p) =>
        StalledChips.GetOrAdd(CultureInfo.CurrentUICulture.Name, static (_, p) => Chip("warning", "stalled-flag", p["Portfolio_StalledChip"].Value), p);

    private static MarkupString Chip(string color, string testId, string text) =>
        new($"""<span class="mud-chip-container"><span class="mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{color}" data-testid="{testId}"><span class="mud-chip-content">{WebUtility.HtmlEncode(text)}</span></span></span>""");
}
