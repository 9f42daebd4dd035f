using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.Jobs.Reconciliation;

/// <summary>At start: registers the recurring jobs and re-enqueues the database's pending work.</summary>
internal sealed class StartupReconciliation(
    PendingWorkReconciler reconciler,
    IRecurringJobManager recurring,
    IOptions<JobsOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ReconcilePendingWorkJob>("reconcile-pending-work", job => job.RunAsync(CancellationToken.None), options.Value.ReconcileCron);
        // An in-memory queue starts empty, so everything pending goes back in. A shared storage kept its queue (and
        // another process may be running some of it right now): only what the queue should long have taken.
        await (options.Value.Storage == JobStorageKind.InMemory
            ? reconciler.RedispatchAllAsync(cancellationToken)
            : reconciler.RedispatchOlderThanAsync(PendingWorkReconciler.OverdueAfter, cancellationToken));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
