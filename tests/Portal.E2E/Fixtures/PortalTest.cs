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

    /// <summary>Whether the class's journeys need the full Chromium's PDF viewer (the headless shell has none).</summary>
    protected virtual bool NeedsPdfViewer => false;

    /// <summary>Runs one journey in its own browser context; keeps the evidence if it fails.</summary>
    protected Task RunAsync(Func<IPage, Task> journey, [CallerMemberName] string testName = "") =>
        RunAsync(1, pages => journey(pages[0]), testName);

    /// <summary>
    /// Runs a journey of two people at the same time, each in their own browser context (own cookies, so
    /// both stay signed in); keeps the evidence of both if it fails (<c>.1</c> and <c>.2</c> in the file names).
    /// </summary>
    protected Task RunAsync(Func<IPage, IPage, Task> journey, [CallerMemberName] string testName = "") =>
        RunAsync(2, pages => journey(pages[0], pages[1]), testName);

    private async Task RunAsync(int people, Func<IReadOnlyList<IPage>, Task> journey, string testName)
    {
        await Server.ResetAsync();
        var name = $"{GetType().Name}.{testName}";
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        try
        {
            for (var i = 0; i < people; i++)
            {
                var context = NeedsPdfViewer ? await Server.NewContextWithPdfViewerAsync() : await Server.NewContextAsync();
                contexts.Add(context);
                // DOM snapshots at every action, which the trace viewer draws; not the screencast, whose frames the browser
                // encodes all along for every journey (most of them passing) and which cost CI's two cores dearly.
                await context.Tracing.StartAsync(new TracingStartOptions { Title = EvidenceName(name, i, people), Screenshots = false, Snapshots = true });
                pages.Add(await context.NewPageAsync());
            }

            try
            {
                await journey(pages);
            }
            catch (Exception failure)
            {
                for (var i = 0; i < people; i++)
                {
                    await KeepEvidenceAsync(contexts[i], pages[i], EvidenceName(name, i, people), failure);
                }

                output.WriteLine(Server.LogTail());
                throw;
            }

            foreach (var context in contexts)
            {
                await context.Tracing.StopAsync();
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    private static string EvidenceName(string name, int index, int people) => people == 1 ? name : $"{name}.{index + 1}";

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

        output.WriteLine($"{name} was at {page.Url} when the journey failed ({failure.GetType().Name})");
    }
}
