using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Seeding;
using Portal.Core.Options;
using Portal.Core.Work;

namespace Portal.Core.Features.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>Store metrics: settings, ingestion, reading, evaluation, the pending-work source and the milestone seed.</summary>
    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<MetricsOptions, MetricsOptionsValidator>(configuration, MetricsOptions.Section);
        services.AddSingleton<MetricsIngestionService>();
        services.AddSingleton<MetricsCsvImport>();
        services.AddSingleton<MetricsImportRecording>();
        services.AddSingleton<MetricsReader>();
        services.AddSingleton<MetricsEvaluationService>();
        services.AddSingleton<IPendingWorkSource, PendingMetricsEvaluationSource>();
        services.AddScoped<ISeedContributor, MetricsSeedContributor>();
        return services;
    }
}
