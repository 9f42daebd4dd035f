using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Core.Data;

namespace Portal.Core.Features.Live;

public static class LiveUpdatesServiceCollectionExtensions
{
    /// <summary>In-process live updates on SQLite; LISTEN/NOTIFY between nodes on PostgreSQL (<c>Database:Provider</c>).</summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<PostgresLiveUpdates>();
            services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<PostgresLiveUpdates>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<PostgresLiveUpdates>());
        }
        else
        {
            services.AddSingleton<ILiveUpdates, LocalLiveUpdates>();
        }

        return services;
    }
}
