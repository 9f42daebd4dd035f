using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Formatting;

namespace Portal.Web.Components.Pages.Portfolio;

/// <summary>
/// The staff portfolio: saved views as buttons, filters, a server-paged table over <see cref="PortfolioQuery"/>,
/// and exports with progress. The whole state (view, filters, sort, page) lives in the URL, replaced on every
/// change, so a view can be shared and survives a reload. The table, its pager and the filters are plain markup
/// rendered by the page: no component per row, header or field, so an open circuit holds few render trees.
/// </summary>
public sealed partial class PortfolioPage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>The columns a person may hide (the brand column always stays, pinned on the left).</summary>
    private static readonly GridColumn[] Choosable = Enum.GetValues<GridColumn>();

    private static readonly MarkupString SortIcon = new(Icons.Material.Filled.ArrowUpward);
    private static readonly MarkupString DownloadIcon = new(Icons.Material.Filled.Download);
    private static readonly MarkupString GridIcon = new(Icons.Material.Filled.GridOn);
    private static readonly MarkupString ColumnIcon = new(Icons.Material.Filled.ViewColumn);
    private static readonly MarkupString FirstPage = new(Icons.Material.Filled.FirstPage);
    private static readonly MarkupString PreviousPage = new(Icons.Material.Filled.NavigateBefore);
    private static readonly MarkupString NextPage = new(Icons.Material.Filled.NavigateNext);
    private static readonly MarkupString LastPageIcon = new(Icons.Material.Filled.LastPage);

    private readonly HashSet<GridColumn> hidden = [];

    private PortfolioSpec spec = new();
    private IReadOnlyList<PortfolioRowView> rows = [];
    private bool loaded;
    private bool loading = true;
    private int total;
    private IReadOnlyList<string> errors = [];
    private ExportProgress? export;
    private CancellationTokenSource? polling;
    private CancellationTokenSource? pageLoad;

    /// <summary>The grid's columns a person may show or hide.</summary>
    internal enum GridColumn
    {
        Categories,
        Tier,
        Status,
        Compliance,
        Progress,
        Gmv,
        Trend,
        Manager,
        Stalled,
        LastActivity,
    }

    [Inject]
    private PortfolioQuery Portfolio { get; set; } = default!;

    [Inject]
    private PortfolioExports Exports { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IEnumerable<GridColumn> Visible => Choosable.Where(c => !hidden.Contains(c));

    /// <summary>The last page's index (zero-based); 0 when there are no rows.</summary>
    private int LastPage => total == 0 ? 0 : (total - 1) / spec.PageSize;

    /// <summary>"1-25 of 2,000" in the reader's language (MudBlazor's pager text, from the portal's MudTexts).</summary>
    private string RangeText
    {
        get
        {
            var first = total == 0 ? 0 : (spec.Page * spec.PageSize) + 1;
            var last = Math.Min(total, (spec.Page + 1) * spec.PageSize);
            return string.Format(CultureInfo.CurrentCulture, M["MudDataGridPager_InfoFormat"].Value,
                first.ToString("N0", CultureInfo.CurrentCulture), last.ToString("N0", CultureInfo.CurrentCulture), total.ToString("N0", CultureInfo.CurrentCulture));
        }
    }

    protected override void OnInitialized()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        spec = PortfolioSpec.FromQuery(query);
        // The page offers four sizes; a link with another (?size=37, ?size=100000) gets the largest offered below it.
        spec = spec with { PageSize = PageSizes.LastOrDefault(s => s <= spec.PageSize, PageSizes[0]) };
    }

    // The rows load once the circuit runs, as the data grid's did: the prerendered page shows the headers only, so
    // a page view queries once, not twice.
    protected override Task OnAfterRenderAsync(bool firstRender) => firstRender ? LoadAsync() : Task.CompletedTask;

    private void Toggle(GridColumn column)
    {
        if (!hidden.Remove(column))
        {
            hidden.Add(column);
        }
    }

    /// <summary>Compact column titles, so headers stay on one line; the exports keep the long ones.</summary>
    private string ColumnTitle(GridColumn column) => column switch
    {
        GridColumn.Categories => P["Portfolio_ColCategories"],
        GridColumn.Tier => P["Portfolio_ColTier"],
        GridColumn.Status => P["Portfolio_ColStatus"],
        GridColumn.Compliance => P["Portfolio_ColCompliance"],
        GridColumn.Progress => F["Figures_ProgressColumn"],
        GridColumn.Gmv => F["Figures_ColGmv30"],
        GridColumn.Trend => F["Figures_ColTrend"],
        GridColumn.Manager => F["Figures_ColManager"],
        GridColumn.Stalled => P["Portfolio_ColStalled"],
        _ => F["Figures_ColLastActivity"],
    };

    /// <summary>The sort a column's header button picks; null for the columns that do not sort.</summary>
    private static PortfolioSort? SortOf(GridColumn column) => column switch
    {
        GridColumn.Tier => PortfolioSort.Tier,
        GridColumn.Status => PortfolioSort.Status,
        GridColumn.Compliance => PortfolioSort.Compliance,
        GridColumn.Gmv => PortfolioSort.Gmv,
        GridColumn.Trend => PortfolioSort.Trend,
        GridColumn.LastActivity => PortfolioSort.LastActivity,
        _ => null,
    };

    private static bool IsFigure(GridColumn column) => column is GridColumn.Gmv or GridColumn.Trend or GridColumn.LastActivity;

    private static string HeaderClass(GridColumn? column) =>
        column is null ? "mud-table-cell sticky-left" : IsFigure(column.Value) ? "mud-table-cell figure" : "mud-table-cell";

    private string? AriaSort(PortfolioSort? sort) =>
        sort is null || spec.Sort != sort ? null : spec.Descending ? "descending" : "ascending";

    private string DirectionClass(PortfolioSort sort) =>
        spec.Sort != sort ? "" : spec.Descending ? " mud-direction-desc" : " mud-direction-asc";

    /// <summary>A filter's choice: empty (any) or one of the enum's names.</summary>
    private static T? Choice<T>(ChangeEventArgs e) where T : struct, Enum =>
        Enum.TryParse<T>(e.Value as string, out var value) && Enum.IsDefined(value) ? value : null;

    /// <summary>
    /// Single sort, as the data grid had it: a header's first click sorts ascending, the second descending, the third
    /// goes back to the default order (by name).
    /// </summary>
    private Task SortAsync(PortfolioSort by)
    {
        var next = spec.Sort != by ? spec with { Sort = by, Descending = false }
            : !spec.Descending ? spec with { Descending = true }
            : spec with { Sort = PortfolioSort.Name, Descending = false };
        return ChangeAsync(next with { Page = 0 });
    }

    private Task GoToPageAsync(int page) => ChangeAsync(spec with { Page = Math.Clamp(page, 0, LastPage) });

    private Task FirstPageAsync() => GoToPageAsync(0);

    private Task PreviousPageAsync() => GoToPageAsync(spec.Page - 1);

    private Task NextPageAsync() => GoToPageAsync(spec.Page + 1);

    private Task LastPageAsync() => GoToPageAsync(LastPage);

    private Task PageSizeChangedAsync(ChangeEventArgs e) =>
        int.TryParse(e.Value as string, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size)
            ? ChangeAsync(spec with { PageSize = size, Page = 0 })
            : Task.CompletedTask;

    private Task ChangeAsync(PortfolioSpec next)
    {
        spec = next;
        return LoadAsync();
    }

    private Task ClearAsync()
    {
        return ChangeAsync(new PortfolioSpec { View = spec.View, Sort = spec.Sort, Descending = spec.Descending, PageSize = spec.PageSize });
    }

    /// <summary>Loads the spec's page; a newer load (another click, filter or keystroke) cancels an older one.</summary>
    private async Task LoadAsync()
    {
        pageLoad?.Cancel();
        pageLoad?.Dispose();
        pageLoad = new CancellationTokenSource();
        var token = pageLoad.Token;
        KeepUrl();
        loading = true;
        try
        {
            var user = (await AuthenticationState).User;
            var page = await Portfolio.PageAsync(user, spec, token);
            token.ThrowIfCancellationRequested();
            errors = page.Errors;
            total = page.Value?.Total ?? 0;
            rows = page.Value?.Rows ?? [];
            loaded = true;
            loading = false;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }

        if (rows.Count == 0 && spec.Page > 0 && total > 0)
        {
            // A shared link or a smaller result past the last page: show the last page instead.
            await ChangeAsync(spec with { Page = LastPage });
            return;
        }

        StateHasChanged();
    }

    private void KeepUrl()
    {
        var url = spec.ToUrl("/ops/portfolio");
        if (!string.Equals(Navigation.ToBaseRelativePath(Navigation.Uri), url.TrimStart('/'), StringComparison.Ordinal))
        {
            Navigation.NavigateTo(url, new NavigationOptions { ReplaceHistoryEntry = true });
        }
    }

    private async Task ExportAsync(ExportFormat format)
    {
        var started = await Exports.StartAsync((await AuthenticationState).User, spec, format);
        errors = started.Errors;
        if (!started.Succeeded)
        {
            return;
        }

        export = started.Value;
        polling?.Cancel();
        polling = new CancellationTokenSource();
        var token = polling.Token;
        var user = (await AuthenticationState).User;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (!token.IsCancellationRequested && await timer.WaitForNextTickAsync(token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            export = Exports.Progress(user, export!.Id);
            StateHasChanged();
            if (export is null || export.Failed)
            {
                return;
            }

            if (export.Done)
            {
                // A plain navigation to an attachment: the browser downloads it and the page stays.
                Navigation.NavigateTo($"/ops/portfolio/export/{export.Id}", forceLoad: true);
                return;
            }
        }
    }

    public void Dispose()
    {
        polling?.Cancel();
        polling?.Dispose();
        pageLoad?.Cancel();
        pageLoad?.Dispose();
    }
}
