using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class ApplicationJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task NewBrand_SubmittedIncomplete_ThenCompleted_IsApprovedByStaff_AndPlansAStream() => RunAsync(async page =>
    {
        // A new brand manager registers and starts a brand.
        await new RegisterPage(page).RegisterAndSignInAsync("Zhang Wei", "zhang.wei@example.test", "Night-Tea!2026");
        await Expect(page).ToHaveURLAsync(new Regex("/brand$"));
        var newBrand = new NewBrandPage(page);
        await newBrand.GoToAsync();
        await newBrand.CreateAsync("山茶", "Camellia Tea", "camellia-tea");

        // Everything but the categories, then Submit: the page says what is missing.
        var application = new ApplicationPage(page);
        await Expect(application.State).ToHaveTextAsync("Draft");
        await application.FillAsync("Company (applicant)", "Camellia Tea Co., Ltd.");
        await application.FillAsync("Store id on the platform", "store-20261123");
        await application.FillAsync("Contact person", "Zhang Wei");
        await application.FillAsync("Contact phone", "+86 591 8888 0000");
        await application.FillAsync("Contact e-mail", "zhang.wei@example.test");
        await application.FillAsync("Trademark registration number", "TM-30-2024-123456");
        await application.FillAsync("Trademark class (1-45)", "30");
        await application.FillAsync("Trademark owner", "Camellia Tea Co., Ltd.");
        await application.ActAsync("Submit");
        await Expect(application.Errors).ToContainTextAsync("The application is not complete");
        await Expect(application.Errors).ToContainTextAsync("Categories");
        await Expect(application.State).ToHaveTextAsync("Draft");

        // Complete it and submit again.
        await application.CheckCategoryAsync("Food");
        await application.ActAsync("Submit");
        await Expect(application.State).ToHaveTextAsync("Submitted");
        await Expect(page.GetByText(new Regex("Decision due by"))).ToBeVisibleAsync();
        await new ShellPage(page).SignOutAsync();

        // Staff find it in the queue, review and approve it.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        var queue = new ApplicationQueuePage(page);
        await queue.GoToAsync();
        await queue.Row("山茶 · Camellia Tea").ClickAsync();
        await page.WaitUntilInteractiveAsync();
        var review = new ApplicationPage(page);
        await review.ActAsync("Start review");
        await Expect(review.State).ToHaveTextAsync("Under review");
        await review.ActAsync("Approve");
        await Expect(review.State).ToHaveTextAsync("Approved");
        await new ShellPage(page).SignOutAsync();

        // The brand sees the decision.
        await new LoginPage(page).SignInFromStartAsync("zhang.wei@example.test", "Night-Tea!2026");
        await application.GoToAsync("camellia-tea");
        await Expect(application.State).ToHaveTextAsync("Approved");
        await Expect(page.GetByText("Approve · Under review → Approved")).ToBeVisibleAsync();

        // The approved brand plans its first stream (default start: tomorrow 20:00 in China) and finds it on the calendar.
        var streams = new StreamsPage(page);
        await streams.GoToAsync("camellia-tea");
        await streams.PlanAsync("camellia-tea", "First big day", "Tea master Zhang");
        var today = await Server.PlatformTodayAsync();
        await streams.GoToAsync("camellia-tea");
        await streams.ShowMonthOfAsync(today.AddDays(1), today);
        await Expect(streams.Day(today.AddDays(1))).ToContainTextAsync("20:00 First big day");
    });
}
