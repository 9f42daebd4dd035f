using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Portal.Jobs;

/// <summary>
/// Readiness: the Hangfire job storage answers and, when this process runs a job server (<c>Jobs:RunServer</c>),
/// that server is registered in it. Liveness (<c>/health/live</c>) does not run this.
/// </summary>
internal sealed class JobStorageHealthCheck(JobStorage storage, IOptions<JobsOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using (var connection = storage.GetConnection())
            {
                connection.GetAllItemsFromSet("recurring-jobs");
            }

            if (options.Value.RunServer && !ServerRegistered())
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("This process' job server is not registered in the job storage."));
            }

            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", exception));
        }
    }

    private bool ServerRegistered()
    {
        var prefix = $"{Environment.MachineName}:{Environment.ProcessId}";
        return storage.GetMonitoringApi().Servers()
            .Any(server => server.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
