namespace Portal.E2E.Pages;

/// <summary>/ops/portfolio: the staff portfolio grid with saved views, filters and exports (interactive).</summary>
public sealed class PortfolioPage(IPage page)
{
    public ILocator Grid => page.GetByTestId("portfolio-grid");

    public ILocator Total => page.GetByTestId("portfolio-total");

    public ILocator ExportProgress => page.GetByTestId("export-progress");

    /// <summary>The grid row of the brand with this code.</summary>
    public ILocator Row(string code) => Grid.Locator("tr").Filter(new() { Has = page.Locator($"a[href='/ops/brands/{code}']") });

    public async Task GoToAsync(string query = "")
    {
        await page.GotoAsync($"ops/portfolio{query}");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Picks a saved view by its button (e.g. "stalled", "ready-for-review").</summary>
    public async Task PickViewAsync(string slug) => await page.GetByTestId($"view-{slug}").ClickAsync();

    /// <summary>Starts the CSV export and waits for the file the browser downloads when it is ready.</summary>
    public async Task<IDownload> ExportCsvAsync() =>
        await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync(), new() { Timeout = 30_000 });
}
