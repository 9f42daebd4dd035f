using System.Net;
using System.Text;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.Web;

namespace Portal.IntegrationTests.Jobs;

/// <summary>
/// A job handed to Hangfire after the work was committed: when Hangfire's storage cannot take it, the write the person
/// or feed made still answers as accepted, and the work waits in the database for the reconcile job.
/// </summary>
public sealed class DispatchFailureTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" })
    {
        TestServices = services => services.AddSingleton<IBackgroundJobClient>(new StorageAway()),
    };

    [Fact]
    public async Task MetricsBatch_WhenHangfireCannotTakeTheJobs_Is200_AndItsBrandStaysQueued()
    {
        var (code, id) = await _app.NewBrandAsync("away");
        var client = await MetricsApiTests.ClientAsync(_app, "metrics.write");

        var response = await client.PutAsync("/api/v1/metrics/daily",
            new StringContent($$"""{"rows":[{"brand":"{{code}}","date":"2026-11-01","gmv":12.5}]}""", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await _app.WithDbAsync(db => db.PendingMetricsEvaluations.AnyAsync(p => p.BrandId == id))).ShouldBeTrue("the reconcile job finds it there");
        (await _app.WithDbAsync(db => db.PendingPortfolioRefreshes.AnyAsync(p => p.BrandId == id))).ShouldBeTrue();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    /// <summary>Hangfire's client with its storage unreachable: every job it is given fails.</summary>
    private sealed class StorageAway : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => throw new InvalidOperationException("Hangfire storage unreachable");

        public bool ChangeState(string jobId, IState state, string expectedState) => throw new InvalidOperationException("Hangfire storage unreachable");
    }
}
