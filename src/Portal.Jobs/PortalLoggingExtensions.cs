using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Portal.Jobs;

public static class PortalLoggingExtensions
{
    /// <summary>The console's human format; <c>Logging:Json=true</c> swaps it for one JSON object per line.</summary>
    internal const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {CorrelationId}{NewLine}{Exception}";

    /// <summary>
    /// Serilog from the <c>Serilog</c> settings section, enriched with the log context (correlation ids), writing
    /// to the console in the format <see cref="ConsoleFormatter"/> picks. Loggers are kept per category
    /// (<see cref="CachingLoggerFactory"/>), as the framework's own factory keeps them.
    /// </summary>
    public static IHostApplicationBuilder AddPortalLogging(this IHostApplicationBuilder builder)
    {
        var formatter = ConsoleFormatter(builder.Configuration);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatter));
        CachingLoggerFactory.Decorate(builder.Services);
        return builder;
    }

    /// <summary>Rendered compact JSON (one object per line, for log collectors) when <c>Logging:Json</c> is true; else the human template.</summary>
    internal static ITextFormatter ConsoleFormatter(IConfiguration configuration) =>
        configuration.GetValue<bool>("Logging:Json")
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter(ConsoleTemplate);
}
