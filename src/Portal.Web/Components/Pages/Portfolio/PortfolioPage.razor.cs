using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Portfolio;
using Portal.Core.Formatting;
using Portal.Web.Infrastructure;

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

    // The view buttons' classes (MudButton's, filled for the chosen view): constants, not a string per button a render.
    private const string ChosenView = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple";
    private const string OtherView = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple";

    private static readonly MarkupString SortIcon = new(Icons.Material.Filled.ArrowUpward);
    private static readonly MarkupString DownloadIcon = new(Icons.Material.Filled.Download);
    private static readonly MarkupString GridIcon = new(Icons.Material.Filled.GridOn);
    private static readonly MarkupString ColumnIcon = new(Icons.Material.Filled.ViewColumn);
    private static readonly MarkupString FirstPage = new(Icons.Material.Filled.FirstPage);
    private static readonly MarkupString PreviousPage = new(Icons.Material.Filled.NavigateBefore);
    private static readonly MarkupString NextPage = new(Icons.Material.Filled.NavigateNext);
    private static readonly MarkupString LastPageIcon = new(Icons.Material.Filled.LastPage);

    private PortfolioSpec spec = new();
    private IReadOnlyList<PortfolioRowView> rows = [];
    private bool loaded;
    private bool loading = true;
    private int total;
    private IReadOnlyList<string> errors = [];
    private ExportProgress? export;
    private CancellationTokenSource? polling;
    private CancellationTokenSource? pageLoad;
    private PersistingComponentStateSubscription persisting;

    [Inject]
    private PortfolioQuery Portfolio { get; set; } = default!;

    [Inject]
    private PortfolioExports Exports { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private PersistentComponentState ApplicationState { get; set; } = default!;

    [Inject]
    private CircuitSettings Circuits { get; set; } = default!;

    [Inject]
    private ILogger<PortfolioPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The request, while prerendering (null in the circuit): its query stops when the browser goes away.</summary>
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

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

    protected override async Task OnInitializedAsync()
    {
        var query = QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query);
        spec = PortfolioSpec.FromQuery(query);
        // The page offers four sizes; a link with another (?size=37, ?size=100000) gets the largest offered below it.
        spec = spec with { PageSize = PageSizes.LastOrDefault(s => s <= spec.PageSize, PageSizes[0]) };
        if (FirstPageState.TryTake(ApplicationState, spec) is { } first)
        {
            spec = first.Spec;
            Show(first.Errors, first.Total, first.Views());
        }
        else if (!RendererInfo.IsInteractive)
        {
            await PrerenderFirstPageAsync();
        }
    }

    // A page opened from the address bar arrives with its first rows (on the first paint, before the circuit runs),
    // and its circuit takes them from the prerender (FirstPageState): no second query, and the circuit renders the
    // page once. Opened by a link inside the app (no prerender), or too large to hand over, the circuit loads them
    // after its first render, behind the loading bar.
    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        // After-render work is the circuit's; a prerender that ran it would load the page a second time.
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return Task.CompletedTask;
        }

        if (loaded)
        {
            KeepUrl();
            return Task.CompletedTask;
        }

        return LoadAsync();
    }

    private async Task PrerenderFirstPageAsync()
    {
        var asked = spec;
        var aborted = HttpContext?.RequestAborted ?? CancellationToken.None;
        try
        {
            await FetchAsync(aborted);
            if (PastTheEnd)
            {
                // A shared link past the last page shows the last page (the circuit then puts it in the address).
                spec = spec with { Page = LastPage };
                await FetchAsync(aborted);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !aborted.IsCancellationRequested)
        {
            // The page still arrives, behind the loading bar, and hands nothing over: its circuit loads the rows itself
            // and shows a failure the way it shows any other.
            Logger.LogWarning(exception, "The portfolio's first page could not be loaded for the prerender; the circuit loads it");
            spec = asked;
            Show([], 0, []);
            loaded = false;
            loading = true;
            return;
        }

        FirstPageState.Offer(ApplicationState, FirstPageState.Of(asked, spec, rows, total, errors), Circuits.MaxReceiveMessageBytes, out persisting);
    }

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
            await FetchAsync(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }

        if (PastTheEnd)
        {
            // A shared link or a smaller result past the last page: show the last page instead.
            await ChangeAsync(spec with { Page = LastPage });
            return;
        }

        StateHasChanged();
    }

    private bool PastTheEnd => rows.Count == 0 && spec.Page > 0 && total > 0;

    private async Task FetchAsync(CancellationToken token)
    {
        var user = (await AuthenticationState).User;
        var page = await Portfolio.PageAsync(user, spec, token);
        token.ThrowIfCancellationRequested();
        Show(page.Errors, page.Value?.Total ?? 0, page.Value?.Rows ?? []);
    }

    private void Show(IReadOnlyList<string> pageErrors, int pageTotal, IReadOnlyList<PortfolioRowView> pageRows)
    {
        errors = pageErrors;
        total = pageTotal;
        rows = pageRows;
        loaded = true;
        loading = false;
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
        persisting.Dispose();
        polling?.Cancel();
        polling?.Dispose();
        pageLoad?.Cancel();
        pageLoad?.Dispose();
    }
}
