namespace Portal.E2E.Fixtures;

/// <summary>The one headless Chromium a fixture opens its browser contexts in.</summary>
public static class Chromium
{
    /// <summary>Debian's old headless shell (package chromium-headless-shell): Chromium without the browser's UI.</summary>
    public const string HeadlessShell = "/usr/bin/chromium-headless-shell";

    /// <summary>Debian's Chromium (package chromium).</summary>
    public const string FullChromium = "/usr/bin/chromium";

    /// <summary>
    /// The Chromium most journeys drive: the one named by PORTAL_E2E_CHROMIUM (an environment variable, or one in a
    /// .runsettings file), else Debian's headless shell, else Debian's Chromium (Playwright cannot download its own
    /// browsers here). The shell is what Playwright itself runs headless tests on: the same engine without the
    /// browser's UI, which ran the suite on CI's two cores with a third less CPU (docs/TESTING.md, "Browser").
    /// </summary>
    public static string Executable() =>
        Environment.GetEnvironmentVariable("PORTAL_E2E_CHROMIUM") is { Length: > 0 } custom ? custom
        : File.Exists(HeadlessShell) ? HeadlessShell
        : FullChromium;

    /// <summary>
    /// The Chromium for journeys that need the browser's own PDF viewer, which the headless shell lacks:
    /// PORTAL_E2E_CHROMIUM_FULL, else Debian's Chromium, else PORTAL_E2E_CHROMIUM (a machine set up with that alone).
    /// </summary>
    public static string ExecutableWithPdfViewer() =>
        Environment.GetEnvironmentVariable("PORTAL_E2E_CHROMIUM_FULL") is { Length: > 0 } full ? full
        : File.Exists(FullChromium) ? FullChromium
        : Environment.GetEnvironmentVariable("PORTAL_E2E_CHROMIUM") is { Length: > 0 } custom ? custom
        : FullChromium;

    /// <summary>Launches <paramref name="executable"/> (<see cref="Executable"/> by default) headless.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright, string? executable = null)
    {
        executable ??= Executable();
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {executable}. Install it (`apt-get install -y chromium-headless-shell chromium fonts-noto-cjk`) "
                + "or set PORTAL_E2E_CHROMIUM (most journeys) and PORTAL_E2E_CHROMIUM_FULL (those needing the PDF viewer).");
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
