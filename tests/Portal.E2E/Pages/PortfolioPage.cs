namespace Portal.E2E.Pages;

/// <summary>/ops/portfolio: the staff portfolio grid with saved views, filters and exports (interactive).</summary>
public sealed class PortfolioPage(IPage page)
{
    public ILocator Grid => page.GetByTestId("portfolio-grid");

    public ILocator Total => page.GetByTestId("portfolio-total");

    public ILocator ExportProgress => page.GetByTestId("export-progress");

    /// <summary>A saved view's button (e.g. "stalled"); the chosen one has <c>aria-pressed="true"</c>.</summary>
    public ILocator View(string slug) => page.GetByTestId($"view-{slug}");

    /// <summary>The grid row of the brand with this code.</summary>
    public ILocator Row(string code) => Grid.Locator("tr").Filter(new() { Has = page.Locator($"a[href='/ops/brands/{code}']") });

    /// <summary>The brand's GMV of the last 30 days, as its row shows it in the reader's compact form ("¥5K", "¥5,000" in zh-CN); the exact figure is its title.</summary>
    public ILocator Gmv(string code) => Row(code).GetByTestId("portfolio-gmv");

    /// <summary>The brand's "Stalled" chip; absent when the brand is not stalled.</summary>
    public ILocator StalledFlag(string code) => Row(code).GetByTestId("stalled-flag");

    public async Task GoToAsync(string query = "")
    {
        await page.GotoAsync($"ops/portfolio{query}");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>
    /// The grid shows the summary rows the portal's refresher maintains in the background, as they were when
    /// the page loaded. Reloads the page, as someone waiting for fresh figures would, until
    /// <paramref name="check"/> passes (give its assertions a short timeout) or <paramref name="timeout"/> has gone.
    /// </summary>
    public async Task ReloadUntilAsync(Func<Task> check, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                await page.ReloadAsync();
                await page.WaitUntilInteractiveAsync();
            }
        }
    }

    /// <summary>Opens the brand's Brand 360 page through its link in the grid.</summary>
    public async Task OpenBrandAsync(string code) => await Row(code).GetByTestId("portfolio-brand").ClickAsync();

    /// <summary>Picks a saved view by its button (e.g. "stalled", "ready-for-review").</summary>
    public async Task PickViewAsync(string slug) => await View(slug).ClickAsync();

    /// <summary>Starts the CSV export and waits for the file the browser downloads when it is ready.</summary>
    public async Task<IDownload> ExportCsvAsync() =>
        await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync(), new() { Timeout = 30_000 });
}
