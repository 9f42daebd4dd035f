using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Jobs;

/// <summary>The report a timed-out wait puts in its message names a failed job and its exception.</summary>
public sealed class JobReportTests
{
    public sealed class FailingJob
    {
        [AutomaticRetry(Attempts = 0)]
        public static void Run() => throw new InvalidOperationException("the drain could not finish");
    }

    [Fact]
    public async Task Report_OfAFailedJob_NamesItAndItsException()
    {
        await using var app = new PortalAppFactory();
        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => FailingJob.Run());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        var report = JobReport.Of(app);
        while (!report.Contains($"failed {id}") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            report = JobReport.Of(app);
        }

        report.ShouldContain($"failed {id}: FailingJob.Run");
        report.ShouldContain("InvalidOperationException: the drain could not finish");
    }
}
