namespace Portal.E2E.Journeys;

/// <summary>
/// axe-core (WCAG 2.1 A and AA rules) over every main page of each kind of person, in Chinese and English,
/// light theme: no serious or critical finding anywhere. Each finding is printed with its rule, target and page.
/// The two languages are swept at the same time, each in a browser context of its own: a sweep mostly waits
/// on the server and the browser, so two of them take little longer than one.
/// </summary>
public sealed class AccessibilityJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    private static readonly string[] Serious = ["serious", "critical"];

    private readonly ITestOutputHelper output = output;

    [Fact]
    public Task BrandManagerPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync(async (first, second) =>
    {
        await Server.FeedRecentDaysAsync(DemoAccounts.BrandCode);
        await SweepBothLanguagesAsync(first, second, async page =>
        {
            await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
            var stream = await page.FirstStreamPathAsync(DemoAccounts.BrandCode);
            return PageSweep.BrandManager(DemoAccounts.BrandCode, stream);
        });
    });

    [Fact]
    public Task StaffPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync(async (first, second) =>
    {
        await Server.FeedRecentDaysAsync(DemoAccounts.BrandCode);
        await SweepBothLanguagesAsync(first, second, async page =>
        {
            await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
            return PageSweep.Staff(DemoAccounts.BrandCode);
        });
    });

    [Fact]
    public Task ProviderPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync((first, second) =>
        SweepBothLanguagesAsync(first, second, async page =>
        {
            await new LoginPage(page).SignInFromStartAsync(DemoAccounts.ProviderManager, DemoAccounts.Password);
            return PageSweep.Provider(DemoAccounts.BrandCode);
        }));

    [Fact]
    public Task AdminPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync((first, second) =>
        SweepBothLanguagesAsync(first, second, async page =>
        {
            await new LoginPage(page).SignInFromStartAsync(DemoAccounts.Admin, DemoAccounts.Password);
            return PageSweep.Admin();
        }));

    [Fact]
    public Task AnonymousPages_BothLanguages_HaveNoSeriousAxeFindings() => RunAsync((first, second) =>
        SweepBothLanguagesAsync(first, second, _ => Task.FromResult(PageSweep.Anonymous())));

    [Fact]
    public Task SignedInErrorPages_BothLanguages_HaveNoSeriousAxeFindings_AndKeepThePortalFrame() => RunAsync(async page =>
    {
        // A signed-in person's 403 and 404 keep the portal's frame.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        IReadOnlyList<SweptPage> errors = [new SweptPage("admin", Error: true), new SweptPage("no-such-page", Error: true)];
        var findings = new List<string>();
        foreach (var language in PageSweep.Languages)
        {
            findings.AddRange(await SweepAsync(page, language, errors));
        }

        // Both inside the portal's frame: the navigation and the account menu are there (the sweep ends in English).
        // The marks the sweeps look for to fail a refused or missing page are there (PageSweep.VisitAsync).
        foreach (var (path, heading, mark) in new[] { ("admin", "Access denied", "access-denied"), ("no-such-page", "Page not found", "page-not-found") })
        {
            await page.OpenAsync(new SweptPage(path));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId(mark)).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })).ToBeVisibleAsync();
            await Expect(new ShellPage(page).AccountMenuButton).ToBeVisibleAsync();
        }

        Report(findings);
    });

    [Fact]
    public Task BrandManagerPages_DarkTheme_HaveNoSeriousAxeFindings() => RunAsync(async (first, second) =>
    {
        // The theme is a cookie the layout reads on the first paint (App.ThemeCookie). English only; the two
        // contexts take half the pages each.
        await Server.FeedRecentDaysAsync(DemoAccounts.BrandCode);
        var pages = PageSweep.BrandManager(DemoAccounts.BrandCode, streamPath: null);
        var halves = new[] { (first, pages.Where((_, i) => i % 2 == 0).ToList()), (second, pages.Where((_, i) => i % 2 == 1).ToList()) };
        var findings = await Task.WhenAll(halves.Select(async half =>
        {
            var (page, share) = half;
            await page.Context.AddCookiesAsync([new Cookie { Name = "portal.theme", Value = "dark", Url = Server.BaseUrl.ToString() }]);
            await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
            return await SweepAsync(page, "en", share);
        }));
        Report(findings.SelectMany(f => f).ToList());
    });

    [Fact]
    public Task Axe_OnAPageWithFaintText_FindsTheSeriousContrastProblem() => RunAsync(async page =>
    {
        // The sweeps above pass only if the runner can fail: a page with grey-on-white text must be reported.
        await page.SetContentAsync("<html lang=\"en\"><head><title>Faint</title></head><body><main><h1>Faint</h1><p style=\"color:#bbb;background:#fff\">Hard to read</p></main></body></html>");
        var findings = await Axe.RunAsync(page);
        findings.ShouldContain(f => f.Rule == "color-contrast" && f.Impact == "serious" && f.Target == "p");
    });

    /// <summary>
    /// Sweeps the pages <paramref name="prepare"/> returns (after it has, say, signed in) in Chinese on
    /// <paramref name="first"/> and in English on <paramref name="second"/>, at the same time.
    /// </summary>
    private async Task SweepBothLanguagesAsync(IPage first, IPage second, Func<IPage, Task<IReadOnlyList<SweptPage>>> prepare)
    {
        var sweeps = new[] { (first, PageSweep.Languages[0]), (second, PageSweep.Languages[1]) };
        var findings = await Task.WhenAll(sweeps.Select(async sweep =>
        {
            var (page, language) = sweep;
            var pages = await prepare(page);
            return await SweepAsync(page, language, pages);
        }));
        Report(findings.SelectMany(f => f).ToList());
    }

    /// <summary>Opens each page in <paramref name="language"/> and returns axe's serious and critical findings, described.</summary>
    private async Task<List<string>> SweepAsync(IPage page, string language, IReadOnlyList<SweptPage> pages)
    {
        await page.UseLanguageAsync(language);
        var findings = new List<string>();
        foreach (var swept in pages)
        {
            await page.VisitAsync(swept);
            foreach (var finding in (await Axe.RunAsync(page)).Where(f => Serious.Contains(f.Impact)))
            {
                findings.Add($"[{language}] /{swept.Path}: {finding.Rule} ({finding.Impact}) at {finding.Target}: {finding.Why}");
            }
        }

        output.WriteLine($"{language}: {findings.Count} serious or critical findings over {pages.Count} pages");
        return findings;
    }

    private void Report(List<string> findings)
    {
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        findings.ShouldBeEmpty($"axe found {findings.Count} serious or critical problems:\n{string.Join('\n', findings)}");
    }
}
