using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

/// <summary>On zh-CN pages MudBlazor's own texts (pager, grid menus, date picker) are Chinese too.</summary>
public sealed class ChineseComponentTextJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    /// <summary>MudBlazor's English (its LanguageResource) as it would show in text, labels or titles.</summary>
    private static readonly string[] MudBlazorEnglish =
    [
        "Rows per page", "No matching records", "Filter", "Sort", "Unsort", "Hide", "Column options", "Columns",
        "First page", "Previous page", "Next page", "Last page", "Next month", "Previous month", "Next year",
        "Previous year", "Open", "Close", "Clear", "Select all", "Loading", "Show all", "Hide all", "Group",
    ];

    /// <summary>Everything a reader or a screen reader meets: the page's text and its labels, titles and placeholders.</summary>
    private static async Task<string> ReadableTextAsync(IPage page) =>
        await page.EvaluateAsync<string>("""
            () => [document.body.innerText,
                   ...Array.from(document.querySelectorAll('[aria-label],[title],[placeholder]'))
                       .flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')])
                       .filter(t => t)].join('\n')
            """);

    private static async Task ShouldShowNoMudBlazorEnglishAsync(IPage page)
    {
        var text = await ReadableTextAsync(page);
        var english = MudBlazorEnglish.Where(e => Regex.IsMatch(text, $@"\b{Regex.Escape(e)}\b")).ToList();
        english.ShouldBeEmpty($"English component text on {page.Url}");
    }

    private static async Task SignInInChineseAsync(IPage page, string email)
    {
        await new LoginPage(page).SignInFromStartAsync(email, DemoAccounts.Password);
        await new ShellPage(page).SwitchLanguageAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    }

    [Fact]
    public Task Staff_InChinese_SeeTheGridPagerAndColumnMenuInChinese() => RunAsync(async page =>
    {
        await SignInInChineseAsync(page, DemoAccounts.SkaOperator);
        var portfolio = new PortfolioPage(page);
        await portfolio.GoToAsync();
        await Expect(portfolio.Row(DemoAccounts.SecondBrandCode)).ToBeVisibleAsync();

        await Expect(portfolio.Grid.GetByText("每页行数")).ToBeVisibleAsync();
        await Expect(portfolio.Grid.GetByText(new Regex(@"第 \d+-\d+ 条，共 \d+ 条"))).ToBeVisibleAsync();
        await ShouldShowNoMudBlazorEnglishAsync(page);

        // The headers have no column-options menu (sorting is the header's button, hiding is the page's column
        // chooser; the menus cost every open circuit memory): the chooser's checkboxes are the ones to read.
        await Expect(portfolio.Grid.GetByRole(AriaRole.Button, new() { Name = "列选项" })).ToHaveCountAsync(0);
        await page.GetByTestId("portfolio-columns").Locator("button").First.ClickAsync();
        await Expect(page.GetByTestId("portfolio-columns").GetByRole(AriaRole.Checkbox).First).ToBeVisibleAsync();
        await ShouldShowNoMudBlazorEnglishAsync(page);

        // The tab (and what a screen reader announces first) names the brand in the reader's language.
        await page.GotoAsync($"ops/brands/{DemoAccounts.BrandCode}");
        await Expect(page).ToHaveTitleAsync(new Regex($"品牌 360 · {DemoAccounts.BrandNameZh}"));
    });

    [Fact]
    public Task BrandManager_InChinese_SeesTheDatePickerInChinese() => RunAsync(async page =>
    {
        await SignInInChineseAsync(page, DemoAccounts.BrandManager);
        await page.GotoAsync($"brands/{DemoAccounts.BrandCode}/streams/new");
        await page.WaitUntilInteractiveAsync();
        await ShouldShowNoMudBlazorEnglishAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "打开日期选择器" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^下个月") })).ToBeVisibleAsync();
        await ShouldShowNoMudBlazorEnglishAsync(page);
    });
}
