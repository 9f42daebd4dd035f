using Hangfire;
using Microsoft.Extensions.Hosting;
using Portal.Core.Features.Portfolio;

namespace Portal.Jobs.Portfolio;

/// <summary>
/// Keeps the staff portfolio's rows fresh: drains the brands queued in <see cref="PendingPortfolioRefresh"/>
/// (dispatched after every committed change, calls within the delay less a second sharing one run; at the start of
/// the platform day it rebuilds every row, see <see cref="PortfolioRefreshQueue.DrainAsync"/>). Idempotent; one run
/// at a time, on a Hangfire queue of its own so a burst of drains never holds the other jobs' workers.
/// </summary>
public sealed class RefreshPortfolioJob(PortfolioRefreshQueue queue)
{
    /// <summary>The Hangfire queue drains run on, served by one worker per job process.</summary>
    public const string Queue = "portfolio";

    // A drain that fails (say, the database stayed busy beyond its timeout) leaves its rows queued: retry within
    // seconds, not Hangfire's default minute-scale backoff, since the next change may be long in coming.
    [AutomaticRetry(Attempts = 6, DelaysInSeconds = [1, 2, 5, 10, 30, 120])]
    [Queue(Queue)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task<int> RunQueuedAsync(CancellationToken cancellationToken) => queue.DrainAsync(cancellationToken);
}

/// <summary>
/// Registers the daily run at midnight China Standard Time: the rows' GMV windows move, so that run rebuilds every
/// row (the safety net for anything a writer failed to queue). A day that began while no process ran is caught by
/// the start-up reconciliation (<c>PendingPortfolioRefreshSource</c>).
/// </summary>
internal sealed class PortfolioJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public const string DailyJobId = "portfolio-daily-rebuild";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<RefreshPortfolioJob>(
            DailyJobId,
            job => job.RunQueuedAsync(CancellationToken.None),
            "0 0 * * *",
            new RecurringJobOptions { TimeZone = JobSchedules.ChinaStandardTime });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
