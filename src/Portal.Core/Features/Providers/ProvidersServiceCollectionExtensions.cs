using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Providers;

public static class ProvidersServiceCollectionExtensions
{
    /// <summary>Service providers (服务商), their people and the brands' delegations to them.</summary>
    public static IServiceCollection AddProviders(this IServiceCollection services)
    {
        services.AddSingleton<ProviderRegistration>();
        services.AddSingleton<ProviderDecisions>();
        services.AddSingleton<ProviderSuspension>();
        services.AddSingleton<ProviderDirectory>();
        services.AddSingleton<ProviderPeople>();
        services.AddSingleton<ProviderDeparture>();
        services.AddScoped<ProviderInvitationAcceptance>();
        // After the demo portfolio: the demo providers serve some of its brands.
        services.AddScoped<ISeedContributor, ProviderSeedContributor>();
        services.AddSingleton<BrandDelegationService>();
        return services;
    }
}
