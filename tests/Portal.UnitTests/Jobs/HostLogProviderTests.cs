using Hangfire.AspNetCore;
using Microsoft.Extensions.Logging;
using Portal.Jobs;

namespace Portal.UnitTests.Jobs;

/// <summary>
/// Hangfire keeps one log provider for the whole process, set by the last host that built its configuration. When
/// that host is disposed first, Hangfire's own provider throws wherever Hangfire asks for a logger (seen in CI: an
/// AutomaticRetry attribute's constructor); the portal's answers a silent logger instead.
/// </summary>
public sealed class HostLogProviderTests
{
    [Fact]
    public void HangfiresOwnProvider_OverADisposedLoggerFactory_Throws()
    {
        var factory = new LoggerFactory();
        factory.Dispose();

        Should.Throw<ObjectDisposedException>(() => new AspNetCoreLogProvider(factory).GetLogger("Hangfire.AutomaticRetryAttribute"));
    }

    [Fact]
    public void PortalsProvider_OverADisposedLoggerFactory_AnswersASilentLogger()
    {
        var factory = new LoggerFactory();
        factory.Dispose();

        var logger = new HostLogProvider(factory).GetLogger("Hangfire.AutomaticRetryAttribute");

        logger.Log(Hangfire.Logging.LogLevel.Warn, () => "retrying", null).ShouldBeFalse();
    }

    [Fact]
    public void PortalsProvider_OverALiveLoggerFactory_Logs()
    {
        using var factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new Counting()));

        var logger = new HostLogProvider(factory).GetLogger("Hangfire.Test");

        logger.Log(Hangfire.Logging.LogLevel.Warn, () => "retrying", null).ShouldBeTrue();
        Counting.Logged.ShouldBeGreaterThan(0);
    }

    private sealed class Counting : ILoggerProvider
    {
        public static int Logged;

        public ILogger CreateLogger(string categoryName) => new Logger();

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                Interlocked.Increment(ref Logged);
        }
    }
}
