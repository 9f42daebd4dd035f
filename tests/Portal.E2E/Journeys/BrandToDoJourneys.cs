using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class BrandToDoJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task DemoBrandManager_SeesWhatToDoNext_AndEachItemLeadsToItsPage() => RunAsync(async page =>
    {
        // The demo's brand manager signs in and lands on their home: a to-do list per brand.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/brand$"));
        var home = new BrandHomePage(page);
        await page.WaitUntilInteractiveAsync();

        // Cloud Tea (approved): the next STEPS task with a start button, the Ready stream in three days with its readiness.
        var tea = DemoAccounts.BrandNameEn;
        await Expect(home.ToDoItem(tea, "todo-next-task")).ToContainTextAsync("Next STEPS task (");
        await Expect(home.ToDoItem(tea, "todo-next-stream")).ToContainTextAsync("Next stream: 老铁回馈夜 Fans' thank-you night on ");
        await Expect(home.ToDoItem(tea, "todo-next-stream")).ToContainTextAsync("Plan complete");
        await Expect(home.ToDoItem(tea, "todo-decision")).ToHaveCountAsync(0);
        // The E2E host seeds no figures for Cloud Tea (Seed__DemoBrandFigures=false): the cards say so rather than show zeros.
        await Expect(home.Kpi(tea, "Gmv")).ToContainTextAsync("No figures yet");

        // Silver Moon (submitted): when the SKA centre's decision is due.
        await Expect(home.ToDoItem("Silver Moon", "todo-decision")).ToContainTextAsync(new Regex(@"Application status: Submitted\. The SKA centre decides by \d{4}-\d{2}-\d{2}"));

        // The side navigation holds the current brand's sections.
        await Expect(home.BrandNav.GetByRole(AriaRole.Link, new() { Name = "STEPS journey", Exact = true })).ToBeVisibleAsync();

        // Start leads to the journey; Open plan to the stream's plan; Open application to Silver Moon's application.
        await home.ToDoItem(tea, "todo-next-task").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/brands/{DemoAccounts.BrandCode}/journey$"));
        await Expect(page.GetByTestId("journey-next-step")).ToBeVisibleAsync();

        await home.GoToAsync();
        await home.ToDoItem(tea, "todo-next-stream").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/brands/{DemoAccounts.BrandCode}/streams/[0-9a-f-]{{36}}$"));
        await Expect(page.GetByTestId("readiness")).ToBeVisibleAsync();

        await home.GoToAsync();
        await home.ToDoItem("Silver Moon", "todo-decision").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/brands/silver-moon/application$"));
        await Expect(page.GetByTestId("application-state")).ToHaveTextAsync("Submitted");
    });

    [Fact]
    public Task DemoBrandManager_OnAPhone_StreamCalendarFitsTheScreen_WithTodayMarked() => RunAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/brand$"));

        await page.GotoAsync($"brands/{DemoAccounts.BrandCode}/streams");
        await page.WaitUntilInteractiveAsync();

        await Expect(page.Locator("td[aria-current='date']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("calendar-views").Locator("[data-view='month']")).ToHaveAttributeAsync("aria-pressed", "true");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the page must not scroll sideways at 390 px");
    });
}
