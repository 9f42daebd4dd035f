using Microsoft.AspNetCore.Components.Server;
using Portal.Core.Options;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Settings under <c>Circuits</c>: how much a node keeps for Blazor Server circuits. The defaults come from the
/// circuits benchmark (docs/BENCHMARKS.md, ADR 0034). A circuit cost megabytes when they were set and costs 260-360 KB
/// since the pages' repeated parts became markup; what the server keeps for people who are gone, or slow, stays held
/// to a few circuits' worth.
/// </summary>
public sealed class CircuitSettings
{
    public const string Section = "Circuits";

    /// <summary>Circuits kept after their connection dropped without the tab closing (framework default 100).</summary>
    public int DisconnectedMaxRetained { get; set; } = 50;

    /// <summary>How long such a circuit waits for its tab to reconnect (framework default 3 minutes).</summary>
    public TimeSpan DisconnectedRetentionPeriod { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a call into the browser may take before it fails (framework default 1 minute).</summary>
    public TimeSpan JSInteropCallTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Render batches sent and not yet acknowledged before the server stops rendering for that tab (framework default 10).</summary>
    public int MaxUnacknowledgedRenderBatches { get; set; } = 5;

    /// <summary>Largest message a tab may send (event arguments, interop results), in bytes (framework default 32 KB).</summary>
    public long MaxReceiveMessageBytes { get; set; } = 32 * 1024;
}

internal sealed class CircuitSettingsValidator : SettingsValidator<CircuitSettings>
{
    protected override void Check(CircuitSettings options, Action<string, string> fail)
    {
        if (options.DisconnectedMaxRetained is < 0 or > 10_000)
        {
            fail("Circuits:DisconnectedMaxRetained", "must be between 0 and 10000.");
        }

        if (options.DisconnectedRetentionPeriod < TimeSpan.Zero || options.DisconnectedRetentionPeriod > TimeSpan.FromHours(1))
        {
            fail("Circuits:DisconnectedRetentionPeriod", "must be between 00:00:00 and 01:00:00.");
        }

        if (options.JSInteropCallTimeout < TimeSpan.FromSeconds(1) || options.JSInteropCallTimeout > TimeSpan.FromMinutes(10))
        {
            fail("Circuits:JSInteropCallTimeout", "must be between 00:00:01 and 00:10:00.");
        }

        if (options.MaxUnacknowledgedRenderBatches is < 1 or > 100)
        {
            fail("Circuits:MaxUnacknowledgedRenderBatches", "must be between 1 and 100.");
        }

        if (options.MaxReceiveMessageBytes is < 1024 or > 16L * 1024 * 1024)
        {
            fail("Circuits:MaxReceiveMessageBytes", "must be between 1024 and 16777216 (16 MB).");
        }
    }
}

public static class CircuitSettingsExtensions
{
    /// <summary>Interactive Server rendering with the validated <see cref="CircuitSettings"/> (read now: a wrong value stops the start).</summary>
    public static IServerSideBlazorBuilder AddPortalCircuits(this IRazorComponentsBuilder builder, IConfiguration configuration)
    {
        var settings = configuration.ReadValidated(CircuitSettings.Section, new CircuitSettingsValidator());
        // Pages that hand their prerender's data to the circuit keep it under the receive limit (FirstPageState).
        builder.Services.AddSingleton(settings);
        return builder
            .AddInteractiveServerComponents(options =>
            {
                options.DisconnectedCircuitMaxRetained = settings.DisconnectedMaxRetained;
                options.DisconnectedCircuitRetentionPeriod = settings.DisconnectedRetentionPeriod;
                options.JSInteropDefaultCallTimeout = settings.JSInteropCallTimeout;
                options.MaxBufferedUnacknowledgedRenderBatches = settings.MaxUnacknowledgedRenderBatches;
            })
            .AddHubOptions(options => options.MaximumReceiveMessageSize = settings.MaxReceiveMessageBytes)
            .AddLeanInteropMetadata();
    }
}
