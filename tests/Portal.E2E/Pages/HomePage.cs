namespace Portal.E2E.Pages;

/// <summary>/: what the portal is, for someone not signed in; signed-in people are sent to their role's home.</summary>
public sealed class HomePage(IPage page)
{
    public ShellPage Shell { get; } = new(page);

    public ILocator Heading => Shell.Heading;

    /// <summary>One STEPS area's card, found by its title.</summary>
    public ILocator Area(string title) => page.GetByText(title, new() { Exact = true });

    public async Task GoToAsync() => await page.GotoAsync("");
}
