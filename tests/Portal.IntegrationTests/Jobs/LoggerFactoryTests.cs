using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Jobs;
using Serilog.Core;
using Serilog.Events;

namespace Portal.IntegrationTests.Jobs;

/// <summary>
/// The portal's logging as the web app and the worker build it (<see cref="PortalLoggingExtensions.AddPortalLogging"/>).
/// Not beside other hosts: Serilog's loggers write through the process's <c>Log.Logger</c>, which every host sets.
/// </summary>
[Collection(LoggingCollection.Name)]
public sealed class LoggerFactoryTests
{
    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Events) Events.Add(logEvent);
        }
    }

    [Fact]
    public void ALoggerOfOneCategory_AskedForAgain_IsTheSameLogger()
    {
        using var host = Build(out _);
        var factory = host.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Portal.Sample");
        var again = factory.CreateLogger("Portal.Sample");

        again.ShouldBeSameAs(first);
        factory.CreateLogger("Portal.Other").ShouldNotBeSameAs(first);
    }

    [Fact]
    public void AKeptLogger_WritesEachEventToSerilog_WithItsOwnCategory()
    {
        using var host = Build(out var sink);
        var factory = host.Services.GetRequiredService<ILoggerFactory>();

        factory.CreateLogger("Portal.Sample").LogWarning("Brand {Brand} stalled", "acme");
        factory.CreateLogger("Portal.Sample").LogWarning("Brand {Brand} stalled", "tea");
        factory.CreateLogger("Portal.Other").LogWarning("Something else");
        host.Services.GetRequiredService<ILogger<LoggerFactoryTests>>().LogWarning("Typed");

        var events = sink.Events.Where(e => e.Level == LogEventLevel.Warning).ToList();
        events.Select(e => e.RenderMessage()).ShouldBe(["Brand \"acme\" stalled", "Brand \"tea\" stalled", "Something else", "Typed"]);
        events.Select(e => e.Properties["SourceContext"].ToString())
            .ShouldBe(["\"Portal.Sample\"", "\"Portal.Sample\"", "\"Portal.Other\"", $"\"{typeof(LoggerFactoryTests).FullName}\""]);
    }

    [Fact]
    public void PastTheCategoryLimit_LoggersAreMadeFresh_AndTheCacheStopsGrowing()
    {
        using var host = Build(out _);
        var factory = host.Services.GetRequiredService<ILoggerFactory>();
        for (var i = 0; i < CachingLoggerFactory.MaxCategories; i++)
        {
            factory.CreateLogger($"Category.{i}");
        }

        factory.CreateLogger("Category.0").ShouldBeSameAs(factory.CreateLogger("Category.0"));
        factory.CreateLogger("Category.Late").ShouldNotBeSameAs(factory.CreateLogger("Category.Late"));
        factory.ShouldBeOfType<CachingLoggerFactory>().Kept.ShouldBe(CachingLoggerFactory.MaxCategories);
    }

    private static IHost Build(out CollectingSink sink)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        sink = new CollectingSink();
        builder.Services.AddSingleton<ILogEventSink>(sink);
        builder.AddPortalLogging();
        return builder.Build();
    }
}

/// <summary>Tests that build hosts of their own with Serilog and read what it wrote: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoggingCollection
{
    public const string Name = "Logging";
}
