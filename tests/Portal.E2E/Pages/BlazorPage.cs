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

    /// <summary>Marks the document now shown, so <see cref="IsSameLoadAsync"/> can tell whether it was reloaded since.</summary>
    public static async Task MarkThisLoadAsync(this IPage page) => await page.EvaluateAsync("() => { window.e2eLoadMark = true; }");

    /// <summary>Whether the page still shows the document <see cref="MarkThisLoadAsync"/> marked (no reload or full navigation since).</summary>
    public static async Task<bool> IsSameLoadAsync(this IPage page) => await page.EvaluateAsync<bool>("() => window.e2eLoadMark === true");
}
