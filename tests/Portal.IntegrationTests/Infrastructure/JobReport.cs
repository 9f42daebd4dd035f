using System.Text;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// What a test host's job server did, for an assertion's message when work it waited for never came: the servers
/// and their queues, the jobs failed, scheduled (a retry waits there, its last failure in the history), processing
/// and recently succeeded, each with its last states and their exceptions. Job failures are retried quietly; without
/// this a timed-out wait cannot tell a failing job from one that never ran.
/// </summary>
public static class JobReport
{
    private const int Count = 20;

    public static string Of(PortalAppFactory app)
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var report = new StringBuilder();
        foreach (var server in monitoring.Servers())
        {
            report.AppendLine($"server {server.Name}: queues {string.Join(",", server.Queues)}, {server.WorkersCount} worker(s), heartbeat {server.Heartbeat:O}");
        }

        foreach (var queue in monitoring.Queues())
        {
            report.AppendLine($"queue {queue.Name}: {queue.Length} enqueued, {queue.Fetched} fetched");
        }

        Jobs(report, monitoring, "failed", monitoring.FailedJobs(0, Count).Select(j => j.Key));
        Jobs(report, monitoring, "scheduled", monitoring.ScheduledJobs(0, Count).Select(j => j.Key));
        Jobs(report, monitoring, "processing", monitoring.ProcessingJobs(0, Count).Select(j => j.Key));
        Jobs(report, monitoring, "succeeded", monitoring.SucceededJobs(0, Count).Select(j => j.Key));
        return report.ToString();
    }

    private static void Jobs(StringBuilder report, IMonitoringApi monitoring, string state, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            var details = monitoring.JobDetails(id);
            report.AppendLine($"{state} {id}: {details?.Job?.Type.Name}.{details?.Job?.Method.Name}");
            foreach (var entry in details?.History.Take(4) ?? [])
            {
                var exception = entry.Data.TryGetValue("ExceptionType", out var type)
                    ? $" {type}: {(entry.Data.TryGetValue("ExceptionMessage", out var message) ? message : "")}"
                    : "";
                report.AppendLine($"  {entry.CreatedAt:O} {entry.StateName} {entry.Reason}{exception}");
            }
        }
    }
}
