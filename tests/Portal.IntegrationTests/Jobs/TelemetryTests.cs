using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Jobs;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Telemetry_WithoutAnOtlpEndpoint_RegistersNoProvider()
    {
        await using var app = new PortalAppFactory();
        app.CreateClient();

        app.Services.GetService<TracerProvider>().ShouldBeNull();
        app.Services.GetService<MeterProvider>().ShouldBeNull();
    }

    [Fact]
    public async Task Telemetry_WithAnOtlpEndpoint_TracesRequestsAndDatabaseCalls()
    {
        // Listeners are process-global: the exporter also sees other tests' activities, so keep only our traces.
        var exported = new List<Activity>();
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" });
        var client = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)))).CreateClient();

        var requestTrace = ActivityTraceId.CreateRandom();
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/health/live"))
        {
            request.Headers.Add("traceparent", $"00-{requestTrace}-{ActivitySpanId.CreateRandom()}-01");
            await client.SendAsync(request);
        }

        ActivityTraceId databaseTrace;
        using (var parent = new Activity("telemetry-test").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            databaseTrace = parent.TraceId;
            parent.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            await app.WithDbAsync(db => db.Brands.CountAsync());
        }

        var requestActivity = await WaitForAsync(exported, a => a.TraceId == requestTrace && a.Source.Name == "Microsoft.AspNetCore");
        var query = await WaitForAsync(exported, a => a.TraceId == databaseTrace && a.Source.Name.Contains("EntityFrameworkCore"));
        requestActivity.ShouldNotBeNull("an ASP.NET Core activity for the request");
        query.ShouldNotBeNull("an EF Core activity for the query");
        query.Tags.ShouldContain(tag => tag.Key == "db.system" || tag.Key == "db.system.name");
    }

    [Fact]
    public async Task Telemetry_WithAnInvalidEndpoint_FailsAtStartNamingTheSetting()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "collector:4317" });

        var error = Should.Throw<Exception>(() => app.CreateClient());

        error.ToString().ShouldContain("Telemetry:OtlpEndpoint");
    }

    private static async Task<Activity?> WaitForAsync(List<Activity> exported, Func<Activity, bool> match)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            // The exporter appends on the thread that stops an activity; a copy taken mid-append is simply retried.
            Activity[] copy;
            try { copy = exported.ToArray(); }
            catch (ArgumentException) { copy = []; }
            var found = copy.FirstOrDefault(a => a is not null && match(a));
            if (found is not null) return found;

            await Task.Delay(100);
        }

        return null;
    }
}
