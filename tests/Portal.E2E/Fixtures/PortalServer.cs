using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

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
    private static readonly string Configuration =
        typeof(PortalServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly StringBuilder log = new();
    private Process? process;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private HttpClient? http;
    private string? tempDirectory;

    public PortalServer() => RepositoryRoot = FindRepositoryRoot();

    public string RepositoryRoot { get; }

    /// <summary>Where a failing test leaves its screenshot and trace (ignored by git).</summary>
    public string ArtifactsDirectory => Path.Combine(RepositoryRoot, "TestResults", "e2e-artifacts");

    public Uri BaseUrl { get; private set; } = default!;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not been started.");

    /// <summary>An HTTP client on the portal, for the Development-only test endpoints.</summary>
    public HttpClient Http => http ?? throw new InvalidOperationException("The portal has not been started.");

    public async Task InitializeAsync()
    {
        try
        {
            await StartPortalAsync();
            await StartBrowserAsync();
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
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    /// <summary>The last lines the portal wrote, to explain a failure.</summary>
    public string LogTail(int lines = 80)
    {
        string all;
        lock (log)
        {
            all = log.ToString();
        }

        var tail = all.Split('\n').TakeLast(lines);
        return $"--- portal output (last {lines} lines) ---\n{string.Join('\n', tail)}";
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
        http?.Dispose();
        http = null;

        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(ShutdownTimeout);
                try
                {
                    await process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // Killed but not yet reaped; nothing more to do from here.
                }
            }

            process.Dispose();
            process = null;
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

    private async Task StartPortalAsync()
    {
        var binFolder = Path.Combine(RepositoryRoot, "src", "Portal.Web", "bin", Configuration, "net10.0");
        var dll = Path.Combine(binFolder, "Portal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"The built portal is missing: {dll}. Build the solution in {Configuration} first (`dotnet build -c {Configuration}` at the repository root; `dotnet test` and scripts/test.sh do).");
        }

        tempDirectory = Directory.CreateTempSubdirectory("portal-e2e-").FullName;
        var port = FreeLoopbackPort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = binFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Clock__Start"] = ClockStart.ToString("O");
        start.Environment["Database__SqlitePath"] = Path.Combine(tempDirectory, "portal.db");
        start.Environment["Email__PickupDirectory"] = Path.Combine(tempDirectory, "mail");
        // E-mailed links (invitations, resets) start with the public address, not the request's host.
        start.Environment["Portal__PublicBaseUrl"] = BaseUrl.ToString().TrimEnd('/');
        // A disabled person's open page is signed out within seconds, not a minute (AdminJourneys).
        start.Environment["Auth__RevalidationInterval"] = "00:00:03";
        // The journeys reset before each test and count on the demo's two brands; the invented
        // portfolio (30 brands, six months of figures) stays off here (docs/TESTING.md).
        start.Environment["Seed__DemoBrandCount"] = "0";
        // Cloud Tea's demo figures stay off too: MetricsJourneys imports its own and StalledBrandJourneys needs none.
        start.Environment["Seed__DemoBrandFigures"] = "false";
        // Every journey signs in from 127.0.0.1: the per-address limits are for attackers, not for the suite.
        start.Environment["RateLimiting__AccountPermitLimit"] = "10000";
        start.Environment["RateLimiting__TokenPermitLimit"] = "10000";
        // Settings a developer's shell may carry must not move the app elsewhere.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {start.FileName} {dll}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        string lastAnswer = "no answer yet";
        while (clock.Elapsed < StartupTimeout)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"The portal exited with code {process.ExitCode} before it was ready.\n{LogTail(200)}");
            }

            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await Http.GetAsync("health/ready", probe.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastAnswer = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                lastAnswer = e.Message;
            }

            // Polling a process that is still starting: there is no event to wait on instead.
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException(
            $"GET {BaseUrl}health/ready did not answer 200 within {StartupTimeout.TotalSeconds:0} s (last: {lastAnswer}).\n{LogTail(200)}");
    }

    private async Task StartBrowserAsync()
    {
        // Playwright cannot download its own browsers here; use the system Chromium (Debian's package),
        // or the one named by PORTAL_E2E_CHROMIUM (an environment variable, or one in a .runsettings file).
        var executable = Environment.GetEnvironmentVariable("PORTAL_E2E_CHROMIUM") is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {executable}. Install it (`apt-get install -y chromium fonts-noto-cjk`) or set PORTAL_E2E_CHROMIUM.");
        }

        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRepositoryRoot()
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
