using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.Features.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>The SKA operations console (Brand 360): staff actions and the brand timeline with its sources.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddSingleton<BrandOperationsService>();
        services.AddSingleton<BrandTimelineService>();
        services.AddSingleton<IBrandTimelineSource, ApplicationTimelineSource>();
        services.AddSingleton<IBrandTimelineSource, DocumentTimelineSource>();
        services.AddSingleton<IBrandTimelineSource, TierTimelineSource>();
        services.AddSingleton<IBrandTimelineSource, MilestoneTimelineSource>();
        services.AddSingleton<IBrandTimelineSource, TaskTimelineSource>();
        services.AddSingleton<IBrandTimelineSource, AccountManagerTimelineSource>();
        services.AddSingleton<IBrandTimelineSource, TrustCardTimelineSource>();
        services.AddSingleton<IBrandTimelineSource, AuditTimelineSource>();
        return services;
    }
}
