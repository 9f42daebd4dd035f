namespace Portal.E2E.Pages;

/// <summary>The interactive layout around every signed-in page: app bar, navigation menu and heading.</summary>
public sealed class ShellPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator AppBar => page.GetByRole(AriaRole.Banner);

    /// <summary>The links of the navigation menu (the only navigation landmark on these pages).</summary>
    public ILocator NavLinks => page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link);

    /// <summary>Offers the other language, named in that language; its name changes with the language, hence the test id.</summary>
    public ILocator LanguageSwitch => page.GetByTestId("language-switch");

    public ILocator SignedInUser => page.GetByTestId("signed-in-user");

    public ILocator AppBarButton(string name) => AppBar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator NavLink(string name) => page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Switches to the other language and waits until the page has come back in it.</summary>
    public async Task SwitchLanguageAsync()
    {
        var html = page.Locator("html");
        var before = await html.GetAttributeAsync("lang");
        await page.WaitUntilInteractiveAsync();
        await LanguageSwitch.ClickAsync();
        await Expect(html).Not.ToHaveAttributeAsync("lang", before ?? "");
    }

    public async Task SignOutAsync(string buttonName = "Sign out") => await AppBarButton(buttonName).ClickAsync();
}
