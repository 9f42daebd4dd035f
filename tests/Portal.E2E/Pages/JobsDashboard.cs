namespace Portal.E2E.Pages;

/// <summary>/jobs: Hangfire's dashboard, for staff only; not a Blazor page.</summary>
public sealed class JobsDashboard(IPage page)
{
    public const string Path = "/jobs";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Link(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>Opens the dashboard and returns the response, whose status tells whether access was granted.</summary>
    public async Task<IResponse> GoToAsync()
    {
        try
        {
            return await page.GotoAsync(Path.TrimStart('/')) ?? throw new InvalidOperationException($"No response for {Path}.");
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_HTTP_RESPONSE_CODE_FAILURE", StringComparison.Ordinal))
        {
            // Chromium refuses to show an error status that has no body; say what that means here.
            throw new InvalidOperationException(
                $"{Path} answered an error status with an empty body: the portal's status page (/status/{{code}}) was not rendered.", e);
        }
    }
}
