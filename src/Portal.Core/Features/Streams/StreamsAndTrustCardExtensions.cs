using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.TrustCard;

namespace Portal.Core.Features.Streams;

public static class StreamsAndTrustCardExtensions
{
    /// <summary>The STAGE stream planner and the trust card: services and seeding. (Validators are found by assembly scan.)</summary>
    public static IServiceCollection AddStreamsAndTrustCard(this IServiceCollection services)
    {
        services.AddSingleton<StreamPlanService>();
        services.AddSingleton<TrustCardService>();
        services.AddScoped<ISeedContributor, TrustCardSeeder>();
        services.AddScoped<ISeedContributor, StreamsDemoSeeder>();
        return services;
    }
}
