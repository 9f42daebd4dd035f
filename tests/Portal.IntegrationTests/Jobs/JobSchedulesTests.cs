using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Portal.Jobs;
using Portal.Jobs.Documents;
using Portal.Jobs.Metrics;
using Portal.Jobs.Notifications;
using Portal.Jobs.Portfolio;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Jobs;

/// <summary>The daily jobs turn with the platform's day, in a zone Hangfire can find again by its id.</summary>
public sealed class JobSchedulesTests
{
    [Fact]
    public async Task DailyJobs_AreScheduledInChinaStandardTime_ByASystemZone()
    {
        await using var app = new PortalAppFactory();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        var zones = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.TimeZoneId);

        foreach (var id in new[] { DocumentExpiryJob.RecurringId, StalledBrandsJob.RecurringId, MetricsJobsRegistration.NightlyJobId, PortfolioJobsRegistration.DailyJobId })
        {
            zones.ShouldContainKey(id);
            zones[id].ShouldBe("Asia/Shanghai");
            TimeZoneInfo.FindSystemTimeZoneById(zones[id]).BaseUtcOffset.ShouldBe(TimeSpan.FromHours(8));
        }

        JobSchedules.ChinaStandardTime.Id.ShouldBe("Asia/Shanghai", "tzdata is installed on the machines the suite runs on");
    }
}
