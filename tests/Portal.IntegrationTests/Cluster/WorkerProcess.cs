using System.Diagnostics;
using System.Text;

namespace Portal.IntegrationTests.Cluster;

/// <summary>
/// The built worker (src/Portal.Jobs/bin/Release, built with the unit tests) as a child process:
/// <c>dotnet Portal.Jobs.dll</c> with settings as environment variables; <see cref="Kill"/> is <c>kill -9</c>.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

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

    public bool HasExited => _process is null || _process.HasExited;

    public void Start(IDictionary<string, string> settings)
    {
        var bin = Path.Combine(Repository.Root, "src", "Portal.Jobs", "bin", "Release", "net10.0");
        var dll = Path.Combine(bin, "Portal.Jobs.dll");
        File.Exists(dll).ShouldBeTrue($"the built worker is missing: {dll} (dotnet build tests/Portal.IntegrationTests -c Release builds it)");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start().ShouldBeTrue();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary><c>kill -9</c>: no shutdown, the job it runs stops where it is.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true); // SIGKILL on Unix
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
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
}
