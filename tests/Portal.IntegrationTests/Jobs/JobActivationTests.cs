using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Jobs;

/// <summary>
/// Test hosts share one process: a job of one host must run on that host's services, not on those of a host
/// started after it and disposed since (PortfolioRefreshTests failed so, every drain and its retries ending in
/// ObjectDisposedException for the other host's IServiceProvider).
/// </summary>
public sealed class JobActivationTests
{
    public sealed class SucceedingJob
    {
        public void Run()
        {
        }
    }

    [Fact]
    public async Task Job_AfterAHostStartedAlongsideWasDisposed_RunsOnItsOwnHost()
    {
        // Started at once, as the suite's parallel classes start theirs; the other one disposed first.
        await using var app = new PortalAppFactory();
        await using (var other = new PortalAppFactory())
        {
            await Task.WhenAll(Task.Run(() => app.Services), Task.Run(() => other.Services));
        }

        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SucceedingJob>(job => job.Run());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var report = JobReport.Of(app);
        while (!report.Contains($"succeeded {id}") && !report.Contains($"failed {id}") && !report.Contains("Retry attempt") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            report = JobReport.Of(app);
        }

        report.ShouldContain($"succeeded {id}: SucceedingJob.Run", customMessage: report);
    }
}
