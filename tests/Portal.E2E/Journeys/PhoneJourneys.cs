namespace Portal.E2E.Journeys;

/// <summary>
/// The brand manager's pages on a 390 × 844 phone: nothing wider than the screen (no sideways scrolling),
/// the drawer closed, and the account menu (with sign-out) inside the app bar.
/// </summary>
public sealed class PhoneJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    private const int PhoneWidth = 390;

    // What sticks out past the right edge, widest first: enough to find the element to fix.
    private const string Overflow = """
        () => {
            const width = window.innerWidth;
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('data-testid') ? `[data-testid=${e.getAttribute('data-testid')}]` : '')
                + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '');
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1 && e.getClientRects().length > 0)
                .filter(e => !e.closest('.mud-table-container, .portal-scroll-x, .mud-tabs-tabbar-wrapper'))
                .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
                .slice(0, 5).map(e => `${name(e)} (right ${Math.round(e.getBoundingClientRect().right)})`);
            return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide };
        }
        """;

    private readonly ITestOutputHelper output = output;

    [Fact]
    public Task BrandManagerPages_OnAPhone_FitTheScreenWithoutSidewaysScrolling() => RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await Server.FeedRecentDaysAsync(DemoAccounts.BrandCode);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var stream = await page.FirstStreamPathAsync(DemoAccounts.BrandCode);
        await FitEveryPageAsync(page, PageSweep.BrandManager(DemoAccounts.BrandCode, stream));
    });

    [Fact]
    public Task ProviderPages_OnAPhone_FitTheScreenWithoutSidewaysScrolling() => RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.ProviderManager, DemoAccounts.Password);
        await FitEveryPageAsync(page, PageSweep.Provider(DemoAccounts.BrandCode));
    });

    [Fact]
    public Task AdminHomeAndUsers_OnAPhone_FitTheScreenWithoutSidewaysScrolling() => RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await FitEveryPageAsync(page, [new("admin"), new("admin/users?role=Provider")]);
    });

    /// <summary>Opens every page in both languages; fails naming each one wider than the screen and what sticks out.</summary>
    private async Task FitEveryPageAsync(IPage page, IReadOnlyList<SweptPage> pages)
    {
        var problems = new List<string>();
        foreach (var language in PageSweep.Languages)
        {
            await page.UseLanguageAsync(language);
            foreach (var swept in pages)
            {
                await page.VisitAsync(swept);
                var fit = await page.EvaluateAsync<Fit>(Overflow);
                if (fit.ScrollWidth > fit.InnerWidth)
                {
                    problems.Add($"[{language}] /{swept.Path}: {fit.ScrollWidth} px wide on a {fit.InnerWidth} px screen; sticking out: {string.Join(", ", fit.Wide)}");
                }
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    [Fact]
    public Task BrandManager_OnAPhone_FindsSignOutInTheAccountMenuWithTheDrawerClosed() => RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(PhoneWidth, 844);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var shell = new ShellPage(page);
        await page.WaitUntilInteractiveAsync();

        // The drawer starts closed on a phone; the menu button opens it.
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        await Expect(shell.AppBarButton("Toggle the menu")).ToHaveAttributeAsync("aria-expanded", "false");
        await shell.AppBarButton("Toggle the menu").ClickAsync();
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(1);
        await page.Locator(".mud-overlay").First.ClickAsync(new() { Position = new() { X = PhoneWidth - 10, Y = 400 } });
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);

        // The account menu's button is on screen, and its items are too.
        var account = await shell.AccountMenuButton.BoundingBoxAsync();
        account.ShouldNotBeNull();
        (account.X + account.Width).ShouldBeLessThanOrEqualTo(PhoneWidth);
        await shell.OpenAccountMenuAsync();
        foreach (var item in new[] { "中文", "Dark theme", "Two-factor sign-in", "Change password", "Sign out" })
        {
            var box = await shell.MenuItem(item).BoundingBoxAsync();
            box.ShouldNotBeNull($"'{item}' is not in the account menu");
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(PhoneWidth, $"'{item}' sticks out of the screen");
        }

        await shell.MenuItem("Sign out").ClickAsync();
        await Expect(shell.AccountMenuButton).ToHaveCountAsync(0);
    });

    [Fact]
    public Task BrandManager_ResizingAcross960Pixels_ClosesAndReopensTheDrawer() => RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(1280, 844);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await page.WaitUntilInteractiveAsync();
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(1);

        // A window made narrow (a tablet turned to portrait) gets the drawer out of the page's way, as MudDrawer did...
        await page.SetViewportSizeAsync(800, 844);
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);

        // ...and made wide again, the drawer back beside the page.
        await page.SetViewportSizeAsync(1280, 844);
        await Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(1);
    });

    [Fact]
    public Task AccountMenu_FromTheKeyboard_OpensOnItsFirstItemMovesWithArrowsAndClosesOnEscape() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var shell = new ShellPage(page);
        await page.WaitUntilInteractiveAsync();
        await Expect(shell.AccountMenuButton).ToHaveAttributeAsync("aria-expanded", "false");

        await shell.AccountMenuButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(shell.AccountMenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        // The current language is checked and does nothing, so focus starts on the other language.
        await Expect(page.GetByTestId("language-switch")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("theme-toggle")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(page.GetByTestId("sign-out")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByTestId("language-current")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");
        await Expect(shell.MenuItem("Sign out")).ToBeHiddenAsync();
        await Expect(shell.AccountMenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(shell.AccountMenuButton).ToBeFocusedAsync();
    });

    private sealed class Fit
    {
        public int ScrollWidth { get; set; }

        public int InnerWidth { get; set; }

        public string[] Wide { get; set; } = [];
    }
}
