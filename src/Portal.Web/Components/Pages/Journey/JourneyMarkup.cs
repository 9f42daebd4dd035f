using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Core.Features.Journey;
using Portal.Web.Components.Shared;

namespace Portal.Web.Components.Pages.Journey;

/// <summary>
/// The parts of the journey board that carry no handler (an area's header and bar, a task's status, title and
/// description) as markup strings, one render-tree frame each where the same markup as elements took 12 to 20.
/// A board of five areas and twenty tasks was 814 frames, kept in a 1,024-frame array by every open circuit
/// (docs/BENCHMARKS.md, issue 17). The strings depend only on the language and what they show, so they are built
/// once and shared by every circuit that shows the same; the caches are bounded and keep what they hold (edited
/// playbook texts stay too), and past the bound a string is built for the render that needs it. The text is HTML-encoded here: the playbook's titles are written by staff.
/// </summary>
internal static class JourneyMarkup
{
    private const int Bound = 4_096;

    private static readonly SharedMarkupCache<(string Culture, StepsArea Area, int Done, int Total), (MarkupString Header, MarkupString Bar)> Areas = new(Bound);
    private static readonly SharedMarkupCache<(string Culture, BrandTaskStatus Status, string Title, string Description), MarkupString> Tasks = new(Bound);

    /// <summary>MudCard's header (the area's letter and name, how many of its tasks are done) for <paramref name="area"/>.</summary>
    public static MarkupString AreaHeader(IStringLocalizer<JourneyStrings> j, AreaProgress area) => Area(j, area).Header;

    /// <summary>The area's MudProgressLinear, labelled with the area's name; green when every task is done.</summary>
    public static MarkupString AreaBar(IStringLocalizer<JourneyStrings> j, AreaProgress area) => Area(j, area).Bar;

    /// <summary>A task's status chip and title, and its description under them.</summary>
    public static MarkupString TaskHead(IStringLocalizer<JourneyStrings> j, JourneyTaskView item)
    {
        var culture = CultureInfo.CurrentUICulture;
        (string Culture, BrandTaskStatus Status, string Title, string Description) key = (culture.Name, item.Status, item.Title(culture), item.Description(culture));
        return Tasks.Get(key, j, static (k, j) => BuildTaskHead(j, k.Status, k.Title, k.Description));
    }

    private static (MarkupString Header, MarkupString Bar) Area(IStringLocalizer<JourneyStrings> j, AreaProgress area)
    {
        var key = (CultureInfo.CurrentUICulture.Name, area.Area, area.Done, area.Total);
        return Areas.Get(key, j, static (k, j) => BuildArea(j, k.Area, k.Done, k.Total));
    }

    private static (MarkupString, MarkupString) BuildArea(IStringLocalizer<JourneyStrings> j, StepsArea area, int done, int total)
    {
        var name = j[$"Journey_Area_{area}"].Value;
        var percent = total == 0 ? 100 : (int)Math.Round(100.0 * done / total);
        var header =
            $"""<div class="mud-card-header mud-card-header-padding"><div class="mud-card-header-content"><h3 class="mud-typography mud-typography-h6">{Encode(area.Letter())} · {Encode(name)}</h3>"""
            + $"""<p class="mud-typography mud-typography-body2">{Encode(j["Journey_AreaProgress", done, total])}</p></div></div>""";
        var color = done == total ? "success" : "primary";
        var bar =
            $"""<div role="progressbar" aria-valuenow="{percent}" aria-valuemin="0" aria-valuemax="100" aria-label="{Encode(j["Journey_AreaProgressLabel", name])}" """
            + $"""class="mud-progress-linear mud-progress-linear-rounded mud-progress-linear-small mud-progress-linear-color-{color} mud-progress-linear-background horizontal mb-3">"""
            + $"""<div class="mud-progress-linear-bars mud-flip-x-rtl"><div class="mud-progress-linear-bar" style="transform: translateX(-{100 - percent}%);"></div></div></div>""";
        return (new MarkupString(header), new MarkupString(bar));
    }

    private static MarkupString BuildTaskHead(IStringLocalizer<JourneyStrings> j, BrandTaskStatus status, string title, string description) => new(
        $"""<div class="d-flex flex-row align-center gap-1"><span class="mud-chip-container"><span class="{StatusChip(status)}"><span class="mud-chip-content">{Encode(j[$"Journey_Status_{status}"])}</span></span></span>"""
        + $"""<p class="mud-typography mud-typography-subtitle2">{Encode(title)}</p></div>"""
        + $"""<p class="mud-typography mud-typography-body2 mud-text-secondary">{Encode(description)}</p>""");

    // The status chip, in its colour.
    private static string StatusChip(BrandTaskStatus status) => status switch
    {
        BrandTaskStatus.Done => "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-success",
        BrandTaskStatus.InProgress => "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-info",
        _ => "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-default",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
