using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Portal.E2E.Fixtures;

/// <summary>
/// One Portal.Web process, as built in the same configuration as this suite (Debug or Release), on a free
/// loopback port in Development with the suite's settings (clock at <see cref="PortalServer.ClockStart"/>, mail
/// in a pickup folder, no invented demo portfolio) plus the caller's; its output is kept to explain a failure.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(PortalProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly StringBuilder log = new();
    private readonly Process process;

    private PortalProcess(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    /// <summary>An HTTP client on this process, for the Development-only test endpoints.</summary>
    public HttpClient Http { get; }

    /// <summary>
    /// Starts the portal with its e-mails in <paramref name="mailDirectory"/> and <paramref name="settings"/>
    /// (environment variable names, <c>Section__Key</c>) over the suite's, and waits until it is ready.
    /// </summary>
    public static async Task<PortalProcess> StartAsync(string repositoryRoot, string mailDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var binFolder = Path.Combine(repositoryRoot, "src", "Portal.Web", "bin", Configuration, "net10.0");
        var dll = Path.Combine(binFolder, "Portal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException(
                $"The built portal is missing: {dll}. Build the solution in {Configuration} first (`dotnet build -c {Configuration}` at the repository root; `dotnet test` and scripts/test.sh do).");
        }

        var baseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = binFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Clock__Start"] = PortalServer.ClockStart.ToString("O");
        start.Environment["Email__PickupDirectory"] = mailDirectory;
        // E-mailed links (invitations, resets) start with the public address, not the request's host.
        start.Environment["Portal__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/');
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
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var portal = new PortalProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, baseUrl);
        try
        {
            await portal.StartAsync();
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
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
        return $"--- portal output at {BaseUrl} (last {lines} lines) ---\n{string.Join('\n', tail)}";
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(ShutdownTimeout);
                await process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        catch (OperationCanceledException)
        {
            // Killed but not yet reaped; nothing more to do from here.
        }

        process.Dispose();
    }

    private async Task StartAsync()
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        string lastAnswer = "no answer yet";
        while (clock.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
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
}
