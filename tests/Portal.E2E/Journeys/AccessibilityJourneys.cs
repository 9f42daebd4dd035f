using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Portal.E2E.Journeys;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) over every main page of each kind of person, in Chinese and English,
/// light theme: no serious or critical finding anywhere. Each finding is printed with its rule, target and page.
/// </summary>
public sealed class AccessibilityJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    private static readonly string[] Serious = ["serious", "critical"];

    private readonly ITestOutputHelper output = output;

    [Fact]
    public Task BrandManagerPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync(async page =>
    {
        await Server.FeedRecentDaysAsync(DemoAccounts.BrandCode);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var stream = await page.FirstStreamPathAsync(DemoAccounts.BrandCode);
        await SweepAsync(page, PageSweep.BrandManager(DemoAccounts.BrandCode, stream));
    });

    [Fact]
    public Task StaffPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync(async page =>
    {
        await Server.FeedRecentDaysAsync(DemoAccounts.BrandCode);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        await SweepAsync(page, PageSweep.Staff(DemoAccounts.BrandCode));
    });

    [Fact]
    public Task AdminPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.Admin, DemoAccounts.Password);
        await SweepAsync(page, PageSweep.Admin());
    });

    [Fact]
    public Task AnonymousAndErrorPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync(async page =>
    {
        await SweepAsync(page, PageSweep.Anonymous());

        // A signed-in person's 403 and 404 keep the portal's frame; check them too.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await SweepAsync(page, [new SweptPage("admin"), new SweptPage("no-such-page")]);

        // Both inside the portal's frame: the navigation and the account menu are there (the sweep ends in English).
        foreach (var (path, heading) in new[] { ("admin", "Access denied"), ("no-such-page", "Page not found") })
        {
            await page.OpenAsync(new SweptPage(path));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
            await Expect(new ShellPage(page).AccountMenuButton).ToBeVisibleAsync();
        }
    });

    [Fact]
    public Task BrandManagerPages_DarkTheme_HaveNoSeriousAxeFindings() => RunAsync(async page =>
    {
        // The theme is a cookie the layout reads on the first paint (App.ThemeCookie).
        await page.Context.AddCookiesAsync([new Cookie { Name = "portal.theme", Value = "dark", Url = Server.BaseUrl.ToString() }]);
        await Server.FeedRecentDaysAsync(DemoAccounts.BrandCode);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await SweepAsync(page, PageSweep.BrandManager(DemoAccounts.BrandCode, streamPath: null), ["en"]);
    });

    private static string? Why(AxeResultNode node) =>
        (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message).FirstOrDefault();

    private async Task SweepAsync(IPage page, IReadOnlyList<SweptPage> pages, string[]? languages = null)
    {
        var findings = new List<string>();
        foreach (var language in languages ?? PageSweep.Languages)
        {
            await page.UseLanguageAsync(language);
            var before = findings.Count;
            foreach (var swept in pages)
            {
                await page.OpenAsync(swept);
                var result = await page.RunAxe(new AxeRunOptions
                {
                    RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                });
                foreach (var rule in result.Violations.Where(v => Serious.Contains(v.Impact)))
                {
                    foreach (var node in rule.Nodes)
                    {
                        findings.Add($"[{language}] /{swept.Path}: {rule.Id} ({rule.Impact}) at {node.Target}: {Why(node)}");
                    }
                }
            }

            output.WriteLine($"{language}: {findings.Count - before} serious or critical findings over {pages.Count} pages");
        }

        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        findings.ShouldBeEmpty($"axe found {findings.Count} serious or critical problems:\n{string.Join('\n', findings)}");
    }
}
