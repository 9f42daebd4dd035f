using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Portfolio;
using Portal.Core.Work;
using Portal.Jobs.Documents;
using Portal.Jobs.Email;
using Portal.Jobs.Metrics;
using Portal.Jobs.Portfolio;

namespace Portal.Jobs;

/// <summary>
/// Carries pending work to Hangfire. Only ids travel; the job reads the rest from the database.
/// With several processes on a shared storage each dispatcher coalesces only its own calls: a call it skips is
/// covered by a job this same process scheduled and which has not started yet, and that job reads every pending
/// row whichever worker runs it; calls in other processes schedule jobs of their own. Nothing is shared, so
/// nothing can be skipped on another process' word. A worker whose clock runs ahead could start a job early;
/// work it missed stays queued in the database and the reconcile job dispatches it again (keep clocks on NTP).
/// A dispatch never fails its caller: it comes after the work was committed, so a Hangfire storage that cannot take
/// the job (PostgreSQL away for a moment) is logged, and the reconcile job finds the work in the database.
/// </summary>
internal sealed class HangfireWorkDispatcher(
    IBackgroundJobClient jobs, IOptions<MetricsOptions> metrics, IOptions<PortfolioOptions> portfolio, TimeProvider clock, ILogger<HangfireWorkDispatcher> logger)
    : IWorkDispatcher
{
    private long _evaluationDueTicks;
    private long _portfolioDueTicks;

    public void SendEmail(Guid emailId) =>
        Dispatch("e-mail", () => jobs.Enqueue<SendEmailJob>(job => job.RunAsync(emailId, CancellationToken.None)));

    public void CheckDocument(Guid documentId) =>
        Dispatch("document check", () => jobs.Enqueue<DocumentCheckJob>(job => job.RunAsync(documentId, CancellationToken.None)));

    public void EvaluatePendingMetrics()
    {
        var delay = TimeSpan.FromSeconds(metrics.Value.EvaluationDelaySeconds);
        // As below: a scheduled job may start up to a second early, so only calls within delay - 1 s may share it.
        if (Coalesce(ref _evaluationDueTicks, delay - TimeSpan.FromSeconds(1))
            && !Dispatch("metrics evaluation", () => jobs.Schedule<EvaluateMetricsJob>(job => job.RunPendingAsync(CancellationToken.None), delay)))
        {
            Interlocked.Exchange(ref _evaluationDueTicks, 0); // nothing was scheduled: the next call must not wait for it
        }
    }

    public void RefreshPortfolio()
    {
        var delay = TimeSpan.FromMilliseconds(portfolio.Value.RefreshDelayMilliseconds);
        // Hangfire keeps scheduled times in whole seconds, so a scheduled job may start up to a second early and
        // read the queue before a change that arrives within its delay: only a call later than that may be skipped.
        if (Coalesce(ref _portfolioDueTicks, delay - TimeSpan.FromSeconds(1))
            && !Dispatch("portfolio refresh", () => jobs.Schedule<RefreshPortfolioJob>(job => job.RunQueuedAsync(CancellationToken.None), delay)))
        {
            Interlocked.Exchange(ref _portfolioDueTicks, 0);
        }
    }

    /// <summary>Hands one job to Hangfire; false (logged) when its storage refused it.</summary>
    private bool Dispatch(string work, Action enqueue)
    {
        try
        {
            enqueue();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not hand the {Work} job to Hangfire; the work stays in the database and the reconcile job dispatches it again", work);
            return false;
        }
    }

    /// <summary>
    /// Whether to schedule a job now: not within <paramref name="skipFor"/> of the last one scheduled, which has
    /// yet to start then (it reads every pending row, so work that arrives before it starts is picked up by it).
    /// </summary>
    private bool Coalesce(ref long dueTicks, TimeSpan skipFor)
    {
        var now = clock.GetTimestamp();
        var due = Interlocked.Read(ref dueTicks);
        if (due > now)
        {
            return false;
        }

        var next = now + (long)(Math.Max(0, skipFor.TotalSeconds) * clock.TimestampFrequency);
        return Interlocked.CompareExchange(ref dueTicks, next, due) == due;
    }
}
