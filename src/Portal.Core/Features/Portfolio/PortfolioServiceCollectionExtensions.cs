using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Options;
using Portal.Core.Work;

namespace Portal.Core.Features.Portfolio;

public static class PortfolioServiceCollectionExtensions
{
    /// <summary>The staff portfolio: settings, the maintained summary rows (the refresh queue, its SaveChanges step, the refresher), the query, exports and the staff home figures.</summary>
    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<PortfolioOptions, PortfolioOptionsValidator>(configuration, PortfolioOptions.Section);
        services.AddSingleton<PortfolioRefreshQueueing>();
        services.ConfigureDbContext<PortalDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<PortfolioRefreshQueueing>()));
        services.AddSingleton<PortfolioRefresher>();
        services.AddSingleton<PortfolioRefreshQueue>();
        services.AddSingleton<IPendingWorkSource, PendingPortfolioRefreshSource>();
        services.AddSingleton<PortfolioQuery>();
        services.AddSingleton<PortfolioExportWriter>();
        services.AddSingleton<PortfolioExports>();
        services.AddSingleton<OperationsOverview>();
        return services;
    }
}
