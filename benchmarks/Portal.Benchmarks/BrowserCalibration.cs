using Microsoft.Playwright;

namespace Portal.Benchmarks;

/// <summary>
/// Opens the same page in a few headless Chromium tabs (each its own circuit, driven by the real blazor.web.js) and
/// measures the server's memory per circuit the same way as for the .NET client, so the client's figure can be trusted.
/// </summary>
internal static class BrowserCalibration
{
    public static async Task<string> MeasureAsync(Uri baseAddress, string cookie, string path, int tabs)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_E2E_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        await context.AddCookiesAsync(cookie.Split("; ").Select(pair => pair.Split('=', 2)).Select(p => new Cookie
        {
            Name = p[0], Value = p[1], Url = baseAddress.ToString(),
        }));
        var before = await ServerMemory.SettleAsync();
        var pages = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(baseAddress, path).ToString());
            // portal.markInteractive sets this once the circuit has rendered the layout.
            await page.WaitForSelectorAsync("html[data-interactive='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
            pages.Add(page);
        }

        var after = await ServerMemory.SettleAsync();
        await context.CloseAsync();
        return ServerMemory.PerCircuit(before, after, tabs);
    }
}
