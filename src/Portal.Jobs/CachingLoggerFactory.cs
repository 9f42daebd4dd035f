using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Jobs;

/// <summary>
/// One logger per category for the life of the process, as Microsoft.Extensions.Logging's own factory keeps them.
/// Serilog's factory builds a new logger (with its own enricher and event-id cache, about 0.8 KB) on every
/// <c>CreateLogger</c>, and the framework asks for one per Blazor circuit, per pooled context and per scoped service,
/// so each open circuit held about 19 of them (15 KB; docs/BENCHMARKS.md, round five). A Serilog logger is thread-safe
/// and fixed when made (its category, level overrides and the process's logger; scopes live on the provider), so sharing
/// it changes no log line.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>Categories are type names, a few hundred at most; past this, loggers are made fresh rather than kept.</summary>
    internal const int MaxCategories = 2_000;

    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>How many categories are kept.</summary>
    internal int Kept => _loggers.Count;

    public ILogger CreateLogger(string categoryName)
    {
        if (_loggers.TryGetValue(categoryName, out var logger))
        {
            return logger;
        }

        logger = inner.CreateLogger(categoryName);
        return _loggers.Count < MaxCategories ? _loggers.GetOrAdd(categoryName, logger) : logger;
    }

    /// <summary>Passed on: Serilog's factory writes to added providers when an event is written, from kept loggers too.</summary>
    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the last <see cref="ILoggerFactory"/> registered in <paramref name="services"/> (Serilog's singleton).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService);
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachingLoggerFactory(Create(registered, provider)));
    }

    private static ILoggerFactory Create(ServiceDescriptor registered, IServiceProvider provider) =>
        registered.ImplementationInstance as ILoggerFactory
        ?? registered.ImplementationFactory?.Invoke(provider) as ILoggerFactory
        ?? (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
}
