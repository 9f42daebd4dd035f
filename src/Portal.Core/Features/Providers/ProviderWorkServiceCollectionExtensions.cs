using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Administration;
using Portal.Core.Options;

namespace Portal.Core.Features.Providers;

public static class ProviderWorkServiceCollectionExtensions
{
    /// <summary>A provider's workspace and scorecard (造风者 levels from <c>Providers:Levels</c>), and provider-owned API clients.</summary>
    public static IServiceCollection AddProviderWork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<ProviderLevelOptions, ProviderLevelOptionsValidator>(configuration, ProviderLevelOptions.Section);
        services.AddSingleton<ProviderWorkspace>();
        services.AddSingleton<ProviderScorecardService>();
        services.AddSingleton<IApiClientOwnerKind, ProviderOwnerKind>();
        return services;
    }
}
