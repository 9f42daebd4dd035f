using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Portal.Jobs;

/// <summary>
/// Hangfire's logs into the host's logging, as Hangfire's own <see cref="AspNetCoreLogProvider"/> does, but safe to
/// outlive its host. Hangfire keeps one log provider for the whole process, set by the last host whose Hangfire
/// configuration was built; in a process of several hosts (the test suites) that host may be disposed while others
/// still run, and Hangfire then failed wherever it asked for a logger (an <c>AutomaticRetry</c> attribute's
/// constructor, read when a job runs). A logger asked for after its host is gone is a silent one.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
