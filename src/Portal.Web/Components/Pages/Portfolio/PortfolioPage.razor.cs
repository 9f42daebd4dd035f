using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Formatting;

namespace Portal.Web.Components.Pages.Portfolio;

/// <summary>
/// The staff portfolio: saved views as buttons, filters, a server-side MudDataGrid over
/// <see cref="PortfolioQuery"/>, and exports with progress. The whole state (view, filters, sort,
/// page) lives in the URL, replaced on every change, so a view can be shared and survives a reload.
/// </summary>
public sealed partial class PortfolioPage
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>The columns a person may hide (the brand column always stays, pinned on the left).</summary>
    private static readonly GridColumn[] Choosable = Enum.GetValues<GridColumn>();

    private readonly HashSet<GridColumn> hidden = [];

    private static readonly Dictionary<string, PortfolioSort> SortByColumn = new(StringComparer.Ordinal)
    {
        [nameof(PortfolioRowView.Name)] = PortfolioSort.Name,
        [nameof(PortfolioRowView.Code)] = PortfolioSort.Code,
        [nameof(PortfolioRowView.Tier)] = PortfolioSort.Tier,
        [nameof(PortfolioRowView.Status)] = PortfolioSort.Status,
        [nameof(PortfolioRowView.Compliance)] = PortfolioSort.Compliance,
        [nameof(PortfolioRowView.Gmv30)] = PortfolioSort.Gmv,
        [nameof(PortfolioRowView.TrendPercent)] = PortfolioSort.Trend,
        [nameof(PortfolioRowView.LastActivityAt)] = PortfolioSort.LastActivity,
    };

    private MudDataGrid<PortfolioRowView>? grid;
    private PortfolioSpec spec = new();
    private int total;
    private IReadOnlyList<string> errors = [];
    private ExportProgress? export;
    private CancellationTokenSource? polling;

    /// <summary>The grid's columns a person may show or hide.</summary>
    private enum GridColumn
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

    protected override void OnInitialized()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        spec = PortfolioSpec.FromQuery(query);
    }

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

    /// <summary>A trend in whole percent as a signed percentage: <c>+12%</c>, <c>−4%</c>.</summary>
    private static string Trend(int percent) =>
        (percent > 0 ? "+" : percent < 0 ? "−" : "") + Figures.Percent(Math.Abs(percent) / 100.0, 0);

    private SortDirection Initial(PortfolioSort sort) =>
        spec.Sort != sort ? SortDirection.None : spec.Descending ? SortDirection.Descending : SortDirection.Ascending;

    private static readonly MarkupString TrendUp = new(Icons.Material.Filled.TrendingUp);
    private static readonly MarkupString TrendDown = new(Icons.Material.Filled.TrendingDown);

    /// <summary>The chip colour's class suffix (<c>mud-chip-color-…</c>): the cell is plain markup, not a MudChip.</summary>
    private static string ComplianceColor(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Compliant => "success",
        ComplianceStatus.Blocked => "error",
        _ => "default",
    };

    private async Task<GridData<PortfolioRowView>> LoadAsync(GridState<PortfolioRowView> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        spec = spec with
        {
            Page = state.Page,
            PageSize = state.PageSize,
            Sort = sort is not null && SortByColumn.TryGetValue(sort.SortBy, out var by) ? by : PortfolioSort.Name,
            Descending = sort?.Descending ?? false,
        };
        KeepUrl();
        var user = (await AuthenticationState).User;
        var page = await Portfolio.PageAsync(user, spec, cancellationToken);
        var changed = total != (page.Value?.Total ?? 0) || !errors.SequenceEqual(page.Errors);
        errors = page.Errors;
        total = page.Value?.Total ?? 0;
        if (changed)
        {
            // The grid loads itself (first render, pager, sort) and re-renders only itself; the total and the
            // errors below and above it belong to the page. Only on a change, so the page's render, which hands
            // the grid its parameters again, cannot start another load of the same figures.
            StateHasChanged();
        }

        return new GridData<PortfolioRowView> { Items = page.Value?.Rows ?? [], TotalItems = total };
    }

    private async Task ChangeAsync(PortfolioSpec next)
    {
        spec = next;
        KeepUrl();
        if (grid is null)
        {
            return;
        }

        if (grid.CurrentPage != 0)
        {
            // Moving the pager loads the first page itself.
            grid.NavigateTo(MudBlazor.Page.First);
        }
        else
        {
            await grid.ReloadServerData();
        }
    }

    private Task ClearAsync() => ChangeAsync(new PortfolioSpec { View = spec.View, Sort = spec.Sort, Descending = spec.Descending, PageSize = spec.PageSize });

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
    }
}
