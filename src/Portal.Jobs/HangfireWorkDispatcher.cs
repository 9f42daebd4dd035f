using Hangfire;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Metrics;
using Portal.Core.Work;
using Portal.Jobs.Documents;
using Portal.Jobs.Email;
using Portal.Jobs.Metrics;

namespace Portal.Jobs;

/// <summary>Carries pending work to Hangfire. Only ids travel; the job reads the rest from the database.</summary>
internal sealed class HangfireWorkDispatcher(IBackgroundJobClient jobs, IOptions<MetricsOptions> metrics, TimeProvider clock) : IWorkDispatcher
{
    private long _evaluationDueTicks;

    public void SendEmail(Guid emailId) =>
        jobs.Enqueue<SendEmailJob>(job => job.RunAsync(emailId, CancellationToken.None));

    public void CheckDocument(Guid documentId) =>
        jobs.Enqueue<DocumentCheckJob>(job => job.RunAsync(documentId, CancellationToken.None));

    public void EvaluatePendingMetrics()
    {
        // Coalesce: batches that arrive before the scheduled job starts are picked up by it (it reads every pending row).
        var now = clock.GetTimestamp();
        var due = Interlocked.Read(ref _evaluationDueTicks);
        if (due > now)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(metrics.Value.EvaluationDelaySeconds);
        var next = now + (long)(delay.TotalSeconds * clock.TimestampFrequency);
        if (Interlocked.CompareExchange(ref _evaluationDueTicks, next, due) != due)
        {
            return;
        }

        jobs.Schedule<EvaluateMetricsJob>(job => job.RunPendingAsync(CancellationToken.None), delay);
    }
}
