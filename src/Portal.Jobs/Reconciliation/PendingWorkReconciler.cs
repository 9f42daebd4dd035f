using Microsoft.Extensions.Logging;
using Portal.Core.Work;

namespace Portal.Jobs.Reconciliation;

/// <summary>
/// Finds work that is pending in the database and hands it to the queue again. Runs once at start
/// (the in-memory queue is empty after a restart) and on a schedule (anything the queue lost).
/// </summary>
public sealed class PendingWorkReconciler(
    IEnumerable<IPendingWorkSource> sources,
    IWorkDispatcher dispatcher,
    TimeProvider clock,
    ILogger<PendingWorkReconciler> logger)
{
    /// <summary>How old pending work must be before the queue is presumed to have lost it.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(2);

    /// <summary>Everything pending, whatever its age: used at start-up with an in-memory queue.</summary>
    public Task<int> RedispatchAllAsync(CancellationToken cancellationToken) =>
        RedispatchAsync(DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>Pending work older than <paramref name="age"/>: what a running queue should already have taken.</summary>
    public Task<int> RedispatchOlderThanAsync(TimeSpan age, CancellationToken cancellationToken) =>
        RedispatchAsync(clock.GetUtcNow() - age, cancellationToken);

    private async Task<int> RedispatchAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var source in sources)
        {
            var count = await source.RedispatchAsync(dispatcher, createdBefore, cancellationToken);
            if (count > 0)
            {
                logger.LogInformation("Re-enqueued {Count} pending {Work} item(s) found in the database", count, source.Name);
            }

            total += count;
        }

        return total;
    }
}

/// <summary>The scheduled form of <see cref="PendingWorkReconciler"/>.</summary>
public sealed class ReconcilePendingWorkJob(PendingWorkReconciler reconciler)
{
    [Hangfire.DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        reconciler.RedispatchOlderThanAsync(PendingWorkReconciler.OverdueAfter, cancellationToken);
}
