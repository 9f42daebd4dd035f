using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Notifications;

namespace Portal.Jobs.Notifications;

/// <summary>The daily pass telling account managers of their newly stalled brands (once per stall episode).</summary>
public sealed class StalledBrandsJob(MetricsNotificationService notifications)
{
    public const string RecurringId = "notify-stalled-brands";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync(CancellationToken cancellationToken) => notifications.NotifyStalledBrandsAsync(cancellationToken);
}

/// <summary>Registers the stalled-brands pass (<c>Notifications:StalledCron</c>, China Standard Time).</summary>
internal sealed class NotificationJobsRegistration(IRecurringJobManager recurring, IOptions<NotificationOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<StalledBrandsJob>(
            StalledBrandsJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.StalledCron,
            new RecurringJobOptions { TimeZone = JobSchedules.ChinaStandardTime });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
