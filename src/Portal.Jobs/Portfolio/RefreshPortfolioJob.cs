using Hangfire;
using Microsoft.Extensions.Hosting;
using Portal.Core.Features.Portfolio;

namespace Portal.Jobs.Portfolio;

/// <summary>
/// Keeps the staff portfolio's rows fresh: drains the brands queued in <see cref="PendingPortfolioRefresh"/>
/// (dispatched, coalesced, after every committed change), and rebuilds every row at the start of the platform
/// day (the GMV windows move; also the safety net). Both idempotent.
/// </summary>
public sealed class RefreshPortfolioJob(PortfolioRefreshQueue queue, PortfolioRefresher refresher)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task<int> RunQueuedAsync(CancellationToken cancellationToken) => queue.DrainAsync(cancellationToken);

    [AutomaticRetry(Attempts = 1)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task<int> RebuildAllAsync(CancellationToken cancellationToken) => refresher.RefreshAllAsync(cancellationToken);
}

/// <summary>
/// Registers the daily rebuild at midnight China Standard Time and, at start, rebuilds once when a row is from an
/// earlier platform day or a brand has none (the process was stopped over midnight, or the rows were never built).
/// </summary>
internal sealed class PortfolioJobsRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs, PortfolioRefresher refresher) : IHostedService
{
    public const string DailyJobId = "portfolio-daily-rebuild";

    // Hangfire finds the zone again by its id, so it must be a system zone; UTC only where none is installed.
    private static TimeZoneInfo ChinaStandardTime =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone) ? zone : TimeZoneInfo.Utc;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<RefreshPortfolioJob>(
            DailyJobId,
            job => job.RebuildAllAsync(CancellationToken.None),
            "0 0 * * *",
            new RecurringJobOptions { TimeZone = ChinaStandardTime });
        if (await refresher.IsOutOfDateAsync(cancellationToken))
        {
            jobs.Enqueue<RefreshPortfolioJob>(job => job.RebuildAllAsync(CancellationToken.None));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
