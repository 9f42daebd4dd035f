using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Portal.Core.Data;
using Portal.Core.Options;
using Portal.Core.Work;
using Portal.Jobs.Documents;
using Portal.Core.Features.Email;
using Portal.Jobs.Email;
using Portal.Jobs.Metrics;
using Portal.Jobs.Notifications;
using Portal.Jobs.Portfolio;
using Portal.Jobs.Reconciliation;

namespace Portal.Jobs;

public static class PortalJobsExtensions
{
    /// <summary>Hangfire (storage from <c>Jobs:Storage</c>), the job classes, the dispatcher Core uses, and start-up reconciliation.</summary>
    public static IHostApplicationBuilder AddPortalJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var settings = builder.Configuration.ReadValidated(JobsOptions.Section, new JobsOptionsValidator(Microsoft.Extensions.Options.Options.Create(database)));
        services.AddValidatedSettings<JobsOptions, JobsOptionsValidator>(builder.Configuration, JobsOptions.Section);

        // Each host activates its jobs on its own services. Hangfire's default activator is read from its process-wide
        // JobActivator.Current, which a host starting at the same moment (the test suites) may have set to its own:
        // once that host was disposed, every job here failed on its disposed IServiceProvider.
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        // Each host owns its storage (registered after AddHangfire, so it wins over Hangfire's default of the
        // global JobStorage.Current): several hosts in one process (the test suites) never share, and never
        // enqueue into another host's storage after that host was disposed.
        switch (settings.Storage)
        {
            case JobStorageKind.InMemory:
                services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) }));
                break;
            case JobStorageKind.Postgres:
                // Shared by every process on the database: web nodes enqueue, whichever server is free runs.
                services.AddSingleton<JobStorage>(_ => PostgresJobStorage.Create(settings.PostgresConnection(database)!, settings));
                break;
        }

        if (settings.RunServer)
        {
            services.AddHangfireServer((provider, options) =>
            {
                options.Activator = provider.GetRequiredService<JobActivator>();
                options.WorkerCount = settings.WorkerCount;
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });

            // Portfolio drains one at a time on a queue of their own: a burst of them waits there, not in the
            // workers that send e-mail and check documents (RefreshPortfolioJob).
            services.AddHangfireServer((provider, options) =>
            {
                options.Activator = provider.GetRequiredService<JobActivator>();
                options.WorkerCount = 1;
                options.Queues = [RefreshPortfolioJob.Queue];
                options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:portfolio";
            });
        }

        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("job-storage", tags: ["ready"]);
        services.AddSingleton<IWorkDispatcher, HangfireWorkDispatcher>();
        services.AddSingleton<PendingWorkReconciler>();
        services.AddTransient<SendEmailJob>();
        services.AddSingleton<IEmailHtmlRenderer, RazorEmailRenderer>();
        services.AddTransient<ReconcilePendingWorkJob>();
        services.AddTransient<EvaluateMetricsJob>();
        services.AddHostedService<MetricsJobsRegistration>();
        services.AddTransient<RefreshPortfolioJob>();
        services.AddHostedService<PortfolioJobsRegistration>();
        services.AddHostedService<StartupReconciliation>();
        services.AddTransient<DocumentCheckJob>();
        services.AddTransient<DocumentExpiryJob>();
        services.AddHostedService<DocumentJobsRegistration>();
        services.AddTransient<StalledBrandsJob>();
        services.AddHostedService<NotificationJobsRegistration>();
        return builder;
    }
}
