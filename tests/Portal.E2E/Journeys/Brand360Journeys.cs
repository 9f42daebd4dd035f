using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class Brand360Journeys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task Staff_OnA1440pxScreen_SeeEveryBrand360TabWithoutScrolling_InBothLanguages() => RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(1440, 900);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        foreach (var language in PageSweep.Languages)
        {
            await page.UseLanguageAsync(language);
            await page.OpenAsync(new SweptPage($"ops/brands/{DemoAccounts.BrandCode}"));
            var tabs = page.GetByRole(AriaRole.Tab);
            (await tabs.CountAsync()).ShouldBeGreaterThan(5);

            // MudTabs adds scroll arrows when its tabs overflow; none here, and every tab lies inside the bar.
            await Expect(page.Locator(".mud-tabs-scroll-button")).ToHaveCountAsync(0);
            var overflow = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('[role=tab]')].filter(tab => {
                  const bar = tab.closest('.mud-tabs-tabbar, .mud-tabs-toolbar') ?? document.body;
                  return tab.getBoundingClientRect().right > bar.getBoundingClientRect().right + 1;
                }).map(tab => tab.textContent.trim())
                """);
            overflow.ShouldBeEmpty($"in {language} these tabs lie past the bar's edge: {string.Join(", ", overflow)}");
        }
    });

    [Fact]
    public Task Staff_OpenBrand360FromTheQueue_AssignAManager_OverrideTheTierWithAReason_AndSeeItOnTheTimeline() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        var queue = new ApplicationQueuePage(page);
        await queue.GoToAsync();
        await queue.BrandLink("银月 · Silver Moon").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ops/brands/silver-moon$"));
        await page.WaitUntilInteractiveAsync();
        var brand = new Brand360Page(page);
        await Expect(brand.Header).ToContainTextAsync("Silver Moon");

        // Account manager: the SKA operator takes the brand.
        await brand.AssignAccountManagerAsync("SKA 运营 Zhao Min");
        await Expect(brand.Success).ToHaveTextAsync("Account manager saved.");
        await Expect(brand.CurrentAccountManager).ToContainTextAsync("Zhao Min");

        // Tier override: refused without a reason, recorded with one.
        await brand.OpenTabAsync("Tier");
        await brand.OverrideTierAsync("KA", "");
        await Expect(brand.Errors).ToHaveTextAsync("Give a reason for the tier override.");
        await brand.OverrideTierAsync("KA", "Offline sales of ¥3M a month, confirmed");
        await Expect(brand.Success).ToHaveTextAsync("Tier changed.");
        await Expect(brand.Tier).ToHaveTextAsync("Tier: KA");

        // The timeline, newest first.
        await brand.OpenTabAsync("Timeline");
        await Expect(brand.TimelineEntries.Nth(0)).ToContainTextAsync("Tier KA (staff override)");
        await Expect(brand.TimelineEntries.Nth(0)).ToContainTextAsync("Offline sales of ¥3M a month, confirmed");
        await Expect(brand.TimelineEntries.Nth(1)).ToContainTextAsync("Account manager: SKA 运营 Zhao Min");
        await Expect(brand.TimelineEntries.Filter(new() { HasText = "Application: Submit" })).ToHaveCountAsync(1);
        await Expect(brand.TimelineEntries.Filter(new() { HasText = "Brand authorisation letter: Uploaded" })).ToHaveCountAsync(1);
    });

    [Fact]
    public Task BrandManager_OpeningBrand360_GetsNotFound() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);

        var response = await page.GotoAsync("ops/brands/silver-moon");

        response!.Status.ShouldBe(404);
    });
}
