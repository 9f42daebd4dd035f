using System.Runtime.CompilerServices;

namespace Portal.E2E.Fixtures;

/// <summary>
/// Base of every journey: fresh demo data, a fresh browser context with tracing, and on failure a
/// screenshot and the trace in <see cref="PortalServer.ArtifactsDirectory"/>.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract class PortalTest(PortalServer server, ITestOutputHelper output)
{
    protected PortalServer Server { get; } = server;

    /// <summary>Runs one journey in its own browser context; keeps the evidence if it fails.</summary>
    protected async Task RunAsync(Func<IPage, Task> journey, [CallerMemberName] string testName = "")
    {
        await Server.ResetAsync();
        await using var context = await Server.NewContextAsync();
        var name = $"{GetType().Name}.{testName}";
        await context.Tracing.StartAsync(new TracingStartOptions { Title = name, Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        try
        {
            await journey(page);
        }
        catch (Exception failure)
        {
            await KeepEvidenceAsync(context, page, name, failure);
            throw;
        }

        await context.Tracing.StopAsync();
    }

    private async Task KeepEvidenceAsync(IBrowserContext context, IPage page, string name, Exception failure)
    {
        Directory.CreateDirectory(Server.ArtifactsDirectory);
        var screenshot = Path.Combine(Server.ArtifactsDirectory, $"{name}.png");
        var trace = Path.Combine(Server.ArtifactsDirectory, $"{name}.trace.zip");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
        }
        catch (PlaywrightException e)
        {
            output.WriteLine($"No screenshot ({e.Message})");
        }

        try
        {
            await context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
            output.WriteLine($"Trace: {trace} (open with `playwright show-trace` or https://trace.playwright.dev)");
        }
        catch (PlaywrightException e)
        {
            output.WriteLine($"No trace ({e.Message})");
        }

        output.WriteLine($"Failed at {page.Url}: {failure.GetType().Name}");
        output.WriteLine(Server.LogTail());
    }
}
