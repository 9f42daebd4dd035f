using Hangfire;
using Microsoft.Extensions.Hosting;
using Portal.Core.Features.Portfolio;

namespace Portal.Jobs.Portfolio;

/// <summary>
/// Keeps the staff portfolio's rows fresh: drains the brands queued in <see cref="PendingPortfolioRefresh"/>
/// (dispatched, coalesced, after every committed change; at the start of the platform day it rebuilds every row,
/// see <see cref="PortfolioRefreshQueue.DrainAsync"/>). Idempotent; one run at a time.
/// </summary>
public sealed class RefreshPortfolioJob(PortfolioRefreshQueue queue)
{
    [AutomaticRetry(Attempts = 3)]
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

    // Hangfire finds the zone again by its id, so it must be a system zone; UTC only where none is installed.
    private static TimeZoneInfo ChinaStandardTime =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.Utc;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<RefreshPortfolioJob>(
            DailyJobId,
            job => job.RunQueuedAsync(CancellationToken.None),
            "0 0 * * *",
            new RecurringJobOptions { TimeZone = ChinaStandardTime });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
