using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Portal.Core.Options;

namespace Portal.Jobs;

public static class PortalTelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces (ASP.NET Core, HttpClient, EF Core, Npgsql) and metrics (ASP.NET Core, HttpClient,
    /// runtime, Npgsql) exported over OTLP to <c>Telemetry:OtlpEndpoint</c>. Without an endpoint nothing is
    /// registered: no provider, no listeners, no overhead.
    /// </summary>
    public static IHostApplicationBuilder AddPortalTelemetry(this IHostApplicationBuilder builder, string defaultServiceName)
    {
        var settings = builder.Configuration.ReadValidated(TelemetryOptions.Section, new TelemetryOptionsValidator());
        builder.Services.AddValidatedSettings<TelemetryOptions, TelemetryOptionsValidator>(builder.Configuration, TelemetryOptions.Section);
        if (!settings.Enabled)
        {
            return builder;
        }

        var endpoint = new Uri(settings.OtlpEndpoint);
        var serviceName = string.IsNullOrWhiteSpace(settings.ServiceName) ? defaultServiceName : settings.ServiceName;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint));
        return builder;
    }
}
