using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class JobsDashboardJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task SkaOperator_FollowingTheJobsLink_SeesTheHangfireDashboard() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        await Expect(page).ToHaveURLAsync(new Regex("/ops$"));

        // A plain link (target _top) to a page outside Blazor: no circuit needed to follow it.
        await new ShellPage(page).NavLink("Background jobs").ClickAsync();

        var jobs = new JobsDashboard(page);
        await Expect(page).ToHaveURLAsync(new Regex("/jobs/?$"));
        await Expect(page).ToHaveTitleAsync(new Regex("STEPS Portal jobs"));
        await Expect(jobs.Link("Recurring Jobs")).ToBeVisibleAsync();
        await Expect(jobs.Link("Retries")).ToBeVisibleAsync();
    });

    [Fact]
    public Task BrandManager_OpeningJobs_GetsAccessDenied() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);

        var jobs = new JobsDashboard(page);
        var response = await jobs.GoToAsync();

        response.Status.ShouldBe(403);
        await Expect(jobs.Heading).ToHaveTextAsync("Access denied");
        await Expect(jobs.Link("Recurring Jobs")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Anonymous_OpeningJobs_IsSentToSignIn() => RunAsync(async page =>
    {
        await new JobsDashboard(page).GoToAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login\\?ReturnUrl=%2Fjobs$", RegexOptions.IgnoreCase));
        await Expect(new LoginPage(page).Heading).ToHaveTextAsync("Sign in");
    });
}
