namespace Portal.E2E.Pages;

/// <summary>The interactive layout around every signed-in page: app bar, navigation menu and heading.</summary>
public sealed class ShellPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator AppBar => page.GetByRole(AriaRole.Banner);

    /// <summary>The links of the side navigation (the first navigation landmark; a brand page has its section tabs too).</summary>
    public ILocator NavLinks => page.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link);

    /// <summary>
    /// Offers the other language, named in that language; its name changes with the language, hence the test id.
    /// Signed in, it is an item of the account menu (<see cref="OpenAccountMenuAsync"/> first).
    /// </summary>
    public ILocator LanguageSwitch => page.GetByTestId("language-switch");

    /// <summary>The signed-in person's menu button (language, theme, security, password, sign-out).</summary>
    public ILocator AccountMenuButton => page.GetByTestId("account-menu").Locator("button").First;

    /// <summary>An item of the open account menu, by its name.</summary>
    public ILocator MenuItem(string name) => page.GetByRole(AriaRole.Menuitem, new() { Name = name, Exact = true });

    public ILocator SignedInUser => page.GetByTestId("signed-in-user");

    public ILocator AppBarButton(string name) => AppBar.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator NavLink(string name) => page.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Switches to the other language and waits until the page has come back in it.</summary>
    public async Task SwitchLanguageAsync()
    {
        var html = page.Locator("html");
        var before = await html.GetAttributeAsync("lang");
        await page.WaitUntilInteractiveAsync();
        await OpenAccountMenuIfSignedInAsync();
        await LanguageSwitch.ClickAsync();
        await Expect(html).Not.ToHaveAttributeAsync("lang", before ?? "");
    }

    /// <summary>Opens the account menu (signed in only) and waits until its items show.</summary>
    public async Task OpenAccountMenuAsync()
    {
        await page.WaitUntilInteractiveAsync();
        await AccountMenuButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem).First).ToBeVisibleAsync();
    }

    /// <summary>Signs out through the account menu's item <paramref name="itemName"/>.</summary>
    public async Task SignOutAsync(string itemName = "Sign out")
    {
        await OpenAccountMenuAsync();
        await MenuItem(itemName).ClickAsync();
        // The sign-out is a form post: wait until its answer has replaced the signed-in page.
        await Expect(AccountMenuButton).ToHaveCountAsync(0);
    }

    private async Task OpenAccountMenuIfSignedInAsync()
    {
        if (await AccountMenuButton.CountAsync() > 0 && !await LanguageSwitch.IsVisibleAsync())
        {
            await OpenAccountMenuAsync();
        }
    }
}
