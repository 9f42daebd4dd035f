using System.Net;
using System.Net.Http.Json;

namespace Portal.E2E.Fixtures;

/// <summary>
/// The real portal, as built in the same configuration as this suite (Debug or Release), running as its
/// own process on a free loopback port with a fresh SQLite database and its clock started at
/// <see cref="ClockStart"/>; and one headless Chromium that every test of the collection opens its own
/// context in.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    /// <summary>
    /// Where the portal's clock starts (setting <c>Clock:Start</c>), whatever day the machine thinks it
    /// is: a Monday morning in Beijing. Journeys ask the portal for "now" (<see cref="NowAsync"/>), never
    /// the machine.
    /// </summary>
    public static readonly DateTimeOffset ClockStart = new(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly TimeSpan PlatformOffset = TimeSpan.FromHours(8);

    private PortalProcess? portal;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IBrowser? browserWithPdfViewer;
    private string? tempDirectory;

    public PortalServer() => RepositoryRoot = FindRepositoryRoot();

    public string RepositoryRoot { get; }

    /// <summary>Where a failing test leaves its screenshot and trace (ignored by git).</summary>
    public string ArtifactsDirectory => Path.Combine(RepositoryRoot, "TestResults", "e2e-artifacts");

    public Uri BaseUrl => Portal.BaseUrl;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not been started.");

    /// <summary>An HTTP client on the portal, for the Development-only test endpoints.</summary>
    public HttpClient Http => Portal.Http;

    private PortalProcess Portal => portal ?? throw new InvalidOperationException("The portal has not been started.");

    public async Task InitializeAsync()
    {
        try
        {
            tempDirectory = Directory.CreateTempSubdirectory("portal-e2e-").FullName;
            portal = await PortalProcess.StartAsync(RepositoryRoot, MailDirectory, new Dictionary<string, string>
            {
                ["Database__SqlitePath"] = Path.Combine(tempDirectory, "portal.db"),
            });
            playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            browser = await Chromium.LaunchAsync(playwright);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>The pickup folder where the portal writes every e-mail as an .eml file.</summary>
    public string MailDirectory => Path.Combine(tempDirectory ?? throw new InvalidOperationException("The portal has not been started."), "mail");

    /// <summary>Waits for the newest e-mail to <paramref name="to"/> in the pickup folder and returns its text.</summary>
    public async Task<string> WaitForEmailAsync(string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var match = Directory.Exists(MailDirectory)
                ? Directory.GetFiles(MailDirectory, "*.eml").Select(f => new FileInfo(f)).OrderByDescending(f => f.LastWriteTimeUtc)
                    .Select(f => File.ReadAllText(f.FullName)).FirstOrDefault(text => text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase))
                : null;
            if (match is not null)
            {
                return match;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No e-mail to {to} arrived in {MailDirectory}.\n{LogTail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Puts the clock back on its time line and wipes the database and seeds the demo data again
    /// (POST /testing/reset), so a test starts from known data and a known time.
    /// </summary>
    public async Task ResetAsync()
    {
        await ResetClockAsync();
        using var response = await Http.PostAsync("testing/reset", content: null);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException(
                $"POST /testing/reset answered {(int)response.StatusCode}, expected 204.\n{await response.Content.ReadAsStringAsync()}\n{LogTail()}");
        }
    }

    /// <summary>
    /// Puts the portal's clock back on the time line it started on (<see cref="ClockStart"/> plus the
    /// time the server has run), so a journey that moved it leaves nothing behind.
    /// </summary>
    public async Task ResetClockAsync()
    {
        using var response = await Http.DeleteAsync("testing/clock");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Moves the portal's clock to <paramref name="now"/>; it keeps running from there.</summary>
    public async Task MoveClockAsync(DateTimeOffset now)
    {
        using var response = await Http.PostAsJsonAsync("testing/clock", new { now });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /testing/clock answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The portal's "now" (GET /testing/clock).</summary>
    public async Task<DateTimeOffset> NowAsync() =>
        (await Http.GetFromJsonAsync<ClockAnswer>("testing/clock"))?.Now
        ?? throw new InvalidOperationException("GET /testing/clock answered nothing.");

    /// <summary>The portal's day in China Standard Time, the platform's day.</summary>
    public async Task<DateOnly> PlatformTodayAsync() => DateOnly.FromDateTime((await NowAsync()).ToOffset(PlatformOffset).DateTime);

    private sealed record ClockAnswer(DateTimeOffset Now);

    /// <summary>A new, isolated browser context (own cookies and storage) in English.</summary>
    public Task<IBrowserContext> NewContextAsync() => Chromium.NewContextAsync(Browser, BaseUrl);

    /// <summary>
    /// A new context in the full Chromium (<see cref="Chromium.ExecutableWithPdfViewer"/>), launched on first use, for
    /// journeys that need its PDF viewer.
    /// </summary>
    public async Task<IBrowserContext> NewContextWithPdfViewerAsync()
    {
        browserWithPdfViewer ??= await Chromium.LaunchAsync(playwright ?? throw new InvalidOperationException("Playwright has not been started."), Chromium.ExecutableWithPdfViewer());
        return await Chromium.NewContextAsync(browserWithPdfViewer, BaseUrl);
    }

    /// <summary>The last lines the portal wrote, to explain a failure.</summary>
    public string LogTail(int lines = 80) => portal?.LogTail(lines) ?? "--- the portal did not start ---";

    public async Task DisposeAsync()
    {
        try
        {
            if (browser is not null)
            {
                await browser.CloseAsync();
                browser = null;
            }
        }
        finally
        {
            if (browserWithPdfViewer is not null)
            {
                await browserWithPdfViewer.CloseAsync();
                browserWithPdfViewer = null;
            }
        }

        playwright?.Dispose();
        playwright = null;
        if (portal is not null)
        {
            await portal.DisposeAsync();
            portal = null;
        }

        if (tempDirectory is not null && Directory.Exists(tempDirectory))
        {
            try
            {
                Directory.Delete(tempDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying process; the OS temp folder is cleaned eventually.
            }
        }
    }

    internal static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Portal.sln above {AppContext.BaseDirectory}; run the suite from the repository.");
    }
}
