using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Journey;

public static class JourneyServiceCollectionExtensions
{
    /// <summary>The STEPS journey: its services and its playbook seeding. Validators come with Core's assembly scan.</summary>
    public static IServiceCollection AddJourney(this IServiceCollection services)
    {
        services.AddSingleton<JourneyService>();
        services.AddSingleton<GrowthPathService>();
        services.AddScoped<ISeedContributor, JourneySeedContributor>();
        return services;
    }
}
