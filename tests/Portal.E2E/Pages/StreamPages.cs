using System.Text.RegularExpressions;

namespace Portal.E2E.Pages;

/// <summary>/brands/{code}/streams: the STAGE calendar (month and week) and the list of plans (interactive).</summary>
public sealed class StreamsPage(IPage page)
{
    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/streams");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>The month grid's cell of one day (China Standard Time).</summary>
    public ILocator Day(DateOnly day) => page.Locator($"td[data-day='{day:yyyy-MM-dd}']");

    /// <summary>Plans a stream with the default start (tomorrow 20:00, China Standard Time); returns on the plan's page.</summary>
    public async Task PlanAsync(string code, string title, string host)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New stream" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "New stream" })).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/brands/{code}/streams/new$"));
        await page.WaitUntilInteractiveAsync();
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Host or persona", new() { Exact = true }).FillAsync(host);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create plan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/brands/{code}/streams/[0-9a-f-]{{36}}$"));
    }

    /// <summary>Shows the month holding <paramref name="day"/> when it is after the current one.</summary>
    public async Task ShowMonthOfAsync(DateOnly day, DateOnly today)
    {
        if (day.Month != today.Month || day.Year != today.Year)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        }
    }
}
