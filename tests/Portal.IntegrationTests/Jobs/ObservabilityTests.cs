using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Jobs;
using Portal.IntegrationTests.Infrastructure;
using Serilog.Events;
using Serilog.Parsing;

namespace Portal.IntegrationTests.Jobs;

public sealed class ObservabilityTests
{
    /// <summary>A test double of Hangfire's storage (not of the product): in-memory until told to fail.</summary>
    private sealed class SwitchableStorage : JobStorage
    {
        private readonly InMemoryStorage _inner = new();

        public bool Fail { get; set; }

        public override IMonitoringApi GetMonitoringApi() =>
            Fail ? throw new InvalidOperationException("storage down") : _inner.GetMonitoringApi();

        public override IStorageConnection GetConnection() =>
            Fail ? throw new InvalidOperationException("storage down") : _inner.GetConnection();
    }

    [Fact]
    public async Task Readiness_WhenTheJobStorageThrows_IsUnhealthy_WhileLivenessStaysUp()
    {
        var storage = new SwitchableStorage();
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var client = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<JobStorage>(storage))).CreateClient();

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        storage.Fail = true;
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readiness_WithAJobServer_IsHealthyOnceTheServerIsRegistered()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().ShouldNotBeEmpty();
    }

    [Fact]
    public void ConsoleLog_WithJsonOn_WritesOneParseableJsonObjectPerLine()
    {
        var lines = Format(json: true, Event("Brand {Brand} approved", "acme")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(2);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.GetProperty("@m").GetString().ShouldStartWith("Brand \"acme\" approved");
        }
    }

    [Fact]
    public void ConsoleLog_ByDefault_StaysTheHumanFormat()
    {
        var text = Format(json: null, Event("Brand {Brand} approved", "acme"));

        text.ShouldContain("INF] : Brand acme approved");
        text.TrimStart().ShouldNotStartWith("{");
    }

    [Fact]
    public async Task ConsoleLog_WithAnInvalidJsonSetting_FailsAtStartNamingTheSetting()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Logging:Json"] = "sometimes" });

        var error = Should.Throw<InvalidOperationException>(() => app.CreateClient());

        error.Message.ShouldContain("Logging:Json");
    }

    private static LogEvent Event(string template, string value) => new(
        DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse(template),
        [new LogEventProperty("Brand", new ScalarValue(value))]);

    private static string Format(bool? json, params LogEvent[] events)
    {
        var settings = new Dictionary<string, string?>();
        if (json is not null) settings["Logging:Json"] = json.Value ? "true" : "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var formatter = PortalLoggingExtensions.ConsoleFormatter(configuration);
        using var writer = new StringWriter();
        foreach (var logEvent in events.Concat(events)) formatter.Format(logEvent, writer);
        return writer.ToString();
    }
}
