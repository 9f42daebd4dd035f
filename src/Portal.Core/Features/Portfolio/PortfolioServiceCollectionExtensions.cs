using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Options;

namespace Portal.Core.Features.Portfolio;

public static class PortfolioServiceCollectionExtensions
{
    /// <summary>The staff portfolio: settings, the maintained summary rows (interceptor, refresher, background worker), the query, exports and the staff home figures.</summary>
    public static IServiceCollection AddPortfolio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings<PortfolioOptions, PortfolioOptionsValidator>(configuration, PortfolioOptions.Section);
        services.AddSingleton<PortfolioChanges>();
        services.AddSingleton<PortfolioChangeInterceptor>();
        services.ConfigureDbContext<PortalDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<PortfolioChangeInterceptor>()));
        services.AddSingleton<PortfolioRefresher>();
        services.AddSingleton<PortfolioQuery>();
        services.AddSingleton<PortfolioExportWriter>();
        services.AddSingleton<PortfolioExports>();
        services.AddSingleton<OperationsOverview>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<PortfolioOptions>>().Value.RefreshInBackground
            ? ActivatorUtilities.CreateInstance<PortfolioRefreshWorker>(sp)
            : new NoBackgroundRefresh());
        return services;
    }

    private sealed class NoBackgroundRefresh : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
