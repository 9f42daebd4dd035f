namespace Portal.E2E.Journeys;

/// <summary>
/// The dark theme from the account menu: the head's two theme stylesheets (App.razor, PortalThemeStyles) switch in the
/// browser without a reload, and the choice holds on the next page load (the theme cookie).
/// </summary>
public sealed class ThemeJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    private const string PageBackground = "() => getComputedStyle(document.body).backgroundColor";

    [Fact]
    public Task BrandManager_SwitchesToTheDarkTheme_AndItStaysAfterAReload() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var shell = new ShellPage(page);
        await page.WaitUntilInteractiveAsync();
        var light = await page.EvaluateAsync<string>(PageBackground);

        await shell.OpenAccountMenuAsync();
        await shell.MenuItem("Dark theme").ClickAsync();

        await Expect(page.Locator("#portal-theme-light")).ToHaveAttributeAsync("media", "not all");
        await Expect(page.Locator("#portal-theme-dark")).Not.ToHaveAttributeAsync("media", "not all");
        var dark = await page.EvaluateAsync<string>(PageBackground);
        dark.ShouldNotBe(light);

        await page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        (await page.EvaluateAsync<string>(PageBackground)).ShouldBe(dark);
        await shell.OpenAccountMenuAsync();
        await Expect(shell.MenuItem("Light theme")).ToBeVisibleAsync();
    });
}
