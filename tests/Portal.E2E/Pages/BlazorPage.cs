namespace Portal.E2E.Pages;

/// <summary>What every interactive (Blazor Server) page needs before a click can work.</summary>
public static class BlazorPage
{
    /// <summary>
    /// Waits until the page's circuit is connected and has rendered the layout, so clicks reach the
    /// server: prerendered HTML looks the same but ignores clicks. The layout sets
    /// <c>&lt;html data-interactive="true"&gt;</c> from its first interactive render (js/portal.js).
    /// </summary>
    public static async Task WaitUntilInteractiveAsync(this IPage page) =>
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 20_000 });
}
