using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Features.Seeding;

namespace Portal.IntegrationTests.Faults;

/// <summary>
/// The built portal (src/Portal.Web/bin/Release, built with the unit tests) as a child process on a
/// loopback port, in Development, on a SQLite file that outlives it: <see cref="Kill"/> is <c>kill -9</c>,
/// <see cref="StartAsync"/> again is the restart. Everything the process writes is kept for the log checks.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _log = new();
    private Process? _process;

    public PortalProcess(string folder) => Folder = folder;

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "portal.db");

    public string MailFolder => Path.Combine(Folder, "mail");

    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>Everything every start of the process wrote so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task StartAsync()
    {
        var bin = Path.Combine(Repository.Root, "src", "Portal.Web", "bin", "Release", "net10.0");
        var dll = Path.Combine(bin, "Portal.Web.dll");
        File.Exists(dll).ShouldBeTrue($"the built portal is missing: {dll} (dotnet build tests/Portal.IntegrationTests -c Release builds it)");
        BaseUrl = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__SqlitePath"] = DatabasePath;
        start.Environment["Email__PickupDirectory"] = MailFolder;
        start.Environment["Seed__DemoBrandCount"] = "0";
        start.Environment["Metrics__RequestsPerMinutePerClient"] = "100000";
        // Every request comes from loopback: the per-address limits of account forms and tokens would throttle the load itself.
        start.Environment["RateLimiting__AccountPermitLimit"] = "100000";
        start.Environment["RateLimiting__TokenPermitLimit"] = "100000";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        var clock = Stopwatch.StartNew();
        _process.Start().ShouldBeTrue();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
        StartTimes.Add(clock.Elapsed);
    }

    /// <summary>How long each start took until /health/ready answered, for the tests' reports.</summary>
    public List<TimeSpan> StartTimes { get; } = [];

    /// <summary><c>kill -9</c>: no shutdown, no flush, no hosted service stops.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true); // SIGKILL on Unix
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    public HttpClient Client() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client with a bearer token of the demo feed client (client credentials at /connect/token).</summary>
    public async Task<HttpClient> FeedClientAsync()
    {
        var client = Client();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoData.FeedClientId,
            ["client_secret"] = DemoData.FeedClientSecret,
            ["scope"] = "metrics.write metrics.read",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A context on the same file, without the app's interceptors: what the tests read and plant directly.</summary>
    public PortalDbContext Db() => new(new DbContextOptionsBuilder<PortalDbContext>()
        .UseSqlite(PortalCoreExtensions.SqliteConnectionString(DatabasePath) + ";Default Timeout=30", sqlite => sqlite.MigrationsAssembly(PortalCoreExtensions.SqliteMigrationsAssembly))
        .Options);

    /// <summary>Polls <paramref name="done"/> until it holds or <paramref name="timeout"/> passes; the process is another program, so there is no event to await.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await done())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await done();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = Client();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartupTimeout)
        {
            _process!.HasExited.ShouldBeFalse($"the portal exited before it was ready:\n{Log}");
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The portal was not ready within {StartupTimeout}.\n{Log}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
