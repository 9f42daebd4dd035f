using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Notifications;
using Portal.Core.Work;

namespace Portal.Jobs.Metrics;

/// <summary>
/// Evaluates milestones and tiers: for the brands accepted batches queued, or (nightly) for all. Both idempotent.
/// Then turns new achievements and tier changes into notifications (idempotent too: each record once), and asks for
/// the portfolio refresh the evaluation queued (milestones, completed tasks and tier moves queue their brands in
/// the transactions that write them).
/// </summary>
public sealed class EvaluateMetricsJob(MetricsEvaluationService evaluation, MetricsNotificationService notifications, IWorkDispatcher dispatcher)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunPendingAsync(CancellationToken cancellationToken)
    {
        await evaluation.EvaluatePendingAsync(cancellationToken);
        dispatcher.RefreshPortfolio();
        await notifications.NotifyMilestonesAndTiersAsync(cancellationToken);
    }

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public async Task RunAllAsync(CancellationToken cancellationToken)
    {
        await evaluation.EvaluateAllAsync(cancellationToken);
        dispatcher.RefreshPortfolio();
        await notifications.NotifyMilestonesAndTiersAsync(cancellationToken);
    }
}

/// <summary>Registers the nightly recompute at start, on China Standard Time.</summary>
internal sealed class MetricsJobsRegistration(IRecurringJobManager recurring, IOptions<MetricsOptions> options) : IHostedService
{
    public const string NightlyJobId = "metrics-nightly-recompute";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<EvaluateMetricsJob>(
            NightlyJobId,
            job => job.RunAllAsync(CancellationToken.None),
            options.Value.NightlyRecomputeCron,
            new RecurringJobOptions { TimeZone = JobSchedules.ChinaStandardTime });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
