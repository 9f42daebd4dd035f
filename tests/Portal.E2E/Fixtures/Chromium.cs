namespace Portal.E2E.Fixtures;

/// <summary>The one headless Chromium a fixture opens its browser contexts in.</summary>
public static class Chromium
{
    /// <summary>
    /// Launches the system Chromium (Debian's package; Playwright cannot download its own browsers here), or the
    /// one named by PORTAL_E2E_CHROMIUM (an environment variable, or one in a .runsettings file).
    /// </summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var executable = Environment.GetEnvironmentVariable("PORTAL_E2E_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {executable}. Install it (`apt-get install -y chromium fonts-noto-cjk`) or set PORTAL_E2E_CHROMIUM.");
        }

        Assertions.SetDefaultExpectTimeout(10_000);
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    /// <summary>A new, isolated browser context (own cookies and storage) in English on <paramref name="baseUrl"/>.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }
}
