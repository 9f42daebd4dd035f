using System.Globalization;
using System.Text;

namespace Portal.E2E.Journeys;

public sealed class MetricsJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    private const int Days = 3000;

    [Fact]
    public Task StaffImportACsvOfYears_BrandSeesTheFigures_AndTheMilestoneCompletesItsTask() => RunAsync(async page =>
    {
        // Staff import eight years of the demo brand's days, ending yesterday (China Standard Time).
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        var import = new MetricsImportPage(page);
        await import.GoToStaffAsync();
        await import.ChooseAsync("figures.csv", Figures((await Server.PlatformTodayAsync()).AddDays(-1), out var lastFans));
        await Expect(import.Preview.Locator("tbody tr")).ToHaveCountAsync(10);
        await Expect(page.GetByText($"Preview: the first 10 of {Days} rows")).ToBeVisibleAsync();
        await import.ImportAsync();
        await Expect(import.ProgressBar).ToBeVisibleAsync();
        await Expect(import.Result).ToHaveTextAsync($"Imported: {Days} new, 0 updated, 0 unchanged.", new() { Timeout = 60_000 });
        await Expect(import.Progress).ToContainTextAsync("100%");
        await Expect(import.ProgressBar).ToHaveAttributeAsync("aria-valuenow", "100");
        await new ShellPage(page).SignOutAsync();

        // The brand manager sees the figures, and the milestones once the evaluation job has run.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var dashboard = new DashboardPage(page);
        await dashboard.GoToAsync(DemoAccounts.BrandCode);
        // The card shows the compact figure (4K); the exact one is its title.
        await Expect(dashboard.Fans.GetByTestId("kpi-value")).ToHaveAttributeAsync("title", lastFans.ToString("N0", CultureInfo.InvariantCulture));

        // The daily GMV chart shows a handful of dates, none overlapping, the last day among them; the tooltip
        // of a point names its day, hidden label or not.
        var edges = await dashboard.VisibleDateLabelEdgesAsync();
        edges.Length.ShouldBeInRange(2, 6);
        for (var i = 1; i < edges.Length; i++)
        {
            edges[i][0].ShouldBeGreaterThanOrEqualTo(edges[i - 1][1], $"date labels {i} and {i + 1} overlap");
        }

        var labels = dashboard.GmvPerDay.Locator(".mud-charts-xaxis text");
        (await labels.Last.IsVisibleAsync()).ShouldBeTrue("the last day's label always shows");

        // One marker per day here (figures every day, one series), so the n-th marker is the n-th label's day.
        var points = dashboard.GmvPerDay.Locator(".mud-charts-line-series circle");
        // The markers are transparent until hovered (Playwright would wait for them to show): move the mouse
        // onto one the way a person does, from the left. Neighbouring markers overlap and a later one is drawn
        // on top, so stop 3 px left of the centre, where only this marker and the one before it lie.
        var hovered = await points.CountAsync() - 8;
        var box = (await points.Nth(hovered).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X - 30, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(box.X + box.Width / 2 - 3, box.Y + box.Height / 2, new() { Steps = 5 });
        var day = await labels.Nth(hovered).TextContentAsync() ?? "";
        day.ShouldMatch("^[01][0-9]-[0-3][0-9]$");
        await Expect(dashboard.GmvPerDay.Locator(".mud-charts-tooltip")).ToContainTextAsync(day);

        // Each chart's figures open as a table under it (what a screen reader reads): the last day's fans, exact.
        var fansFigures = page.GetByTestId("chart-fans").GetByTestId("chart-figures").First;
        await fansFigures.GetByRole(AriaRole.Button, new() { Name = "The figures as a table" }).ClickAsync();
        await Expect(fansFigures.Locator("tbody tr").Last).ToContainTextAsync(lastFans.ToString("N0", CultureInfo.InvariantCulture));
        await Expect(fansFigures.GetByRole(AriaRole.Button, new() { Name = "Hide the table" })).ToHaveAttributeAsync("aria-expanded", "true");

        await UntilAsync(() => dashboard.GoToAsync(DemoAccounts.BrandCode), () => Expect(dashboard.Milestones).ToContainTextAsync("10 influencers selling", new() { Timeout = 2_000 }));
        await Expect(dashboard.Milestones).ToContainTextAsync("First stream");

        // The first-stream milestone completed its task on the journey (the demo brand's influencer task was done by hand already).
        var journey = new JourneyPage(page);
        await UntilAsync(() => journey.GoToAsync(DemoAccounts.BrandCode), () => Expect(journey.Task("s-first-stream")).ToContainTextAsync("Done by a milestone on ", new() { Timeout = 2_000 }));
    });

    /// <summary>Reloads and checks again until the check passes or about 30 seconds have gone (the evaluation runs as a job).</summary>
    private static async Task UntilAsync(Func<Task> load, Func<Task> check)
    {
        for (var attempt = 1; ; attempt++)
        {
            await load();
            try
            {
                await check();
                return;
            }
            catch (PlaywrightException) when (attempt < 15)
            {
            }
        }
    }

    // One row a day; streams on the first day only; 12 influencers on one day in the middle (the "10 influencers" milestone).
    private static byte[] Figures(DateOnly yesterday, out int lastFans)
    {
        var first = yesterday.AddDays(1 - Days);
        var csv = new StringBuilder("brand,date,gmv,paidOrders,streams,fans,influencers\n");
        lastFans = 0;
        for (var i = 0; i < Days; i++)
        {
            lastFans = 1_000 + i;
            var day = first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var streams = i == 0 ? "1" : "";
            var influencers = i == Days / 2 ? 12 : 3;
            csv.Append(CultureInfo.InvariantCulture, $"{DemoAccounts.BrandCode},{day},{100 + i % 50}.50,{1 + i % 7},{streams},{lastFans},{influencers}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
