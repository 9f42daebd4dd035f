using Portal.Core.Options;

namespace Portal.Jobs;

/// <summary>Settings under <c>Telemetry</c>: OpenTelemetry traces and metrics, exported over OTLP.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP (gRPC) collector, e.g. <c>http://otel-collector:4317</c>. Empty: no telemetry at all.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary>The <c>service.name</c> resource attribute; empty: <c>portal-web</c> or <c>portal-jobs</c> by host.</summary>
    public string ServiceName { get; set; } = "";

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);
}

internal sealed class TelemetryOptionsValidator : SettingsValidator<TelemetryOptions>
{
    protected override void Check(TelemetryOptions options, Action<string, string> fail)
    {
        if (options.Enabled && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            fail("Telemetry:OtlpEndpoint", "must be empty (telemetry off) or an absolute http(s) URL such as http://otel-collector:4317.");
        }

        if (options.ServiceName.Length > 100)
        {
            fail("Telemetry:ServiceName", "must be at most 100 characters.");
        }
    }
}
