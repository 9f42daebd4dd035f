using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

/// <summary>
/// The follow-up of a stalled brand from start to end, with staff and the brand's manager signed in at the
/// same time: staff find the brand in the portfolio's stalled view and comment on Brand 360, the brand
/// replies, and staff hear of it in their notifications.
/// </summary>
public sealed class StalledBrandJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    private const string Stalled = DemoAccounts.BrandCode;
    private const string Active = DemoAccounts.SecondBrandCode;

    // Short, because each failed check is followed by a reload of the grid.
    private static readonly LocatorAssertionsToHaveTextOptions Quick = new() { Timeout = 2_000 };

    [Fact]
    public Task StaffFilterStalledBrands_OpenOneAndComment_TheBrandReplies_StaffSeeTheReplyInTheirNotifications() => RunAsync(async (staffPage, brandPage) =>
    {
        const string question = "Your store figures stopped three weeks ago. Is Cloud Tea still selling?";
        const string answer = "We paused for a warehouse move and reopen on Monday.";

        // A month on. A brand is stalled once it is older than Metrics:StalledAfterDays (14) and has had
        // neither figures nor a new milestone for that long: the feed sent Cloud Tea's figures until three
        // weeks ago, Silver Moon's until yesterday. GMV without paid orders keeps both brands' growth tier
        // where it is, so the feed notifies nobody and the bells below count only the comments.
        var today = (await Server.PlatformTodayAsync()).AddDays(30);
        await MoveClockAsync(today.AddDays(-1));
        try
        {
            await Server.PutDailyAsync([.. Days(Stalled, today.AddDays(-25), 1_000m), .. Days(Active, today.AddDays(-5), 2_000m)]);
            // The portfolio's refresher rebuilds every row when the platform day changes; starting the day
            // after the feed means that rebuild reads its figures.
            await MoveClockAsync(today);

            // The brand's manager is signed in and has their home page open.
            await new LoginPage(brandPage).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
            await Expect(brandPage).ToHaveURLAsync(new Regex("/brand$"));
            await brandPage.WaitUntilInteractiveAsync();
            var brandBell = new NotificationBell(brandPage);
            var brandUnread = await brandBell.UnreadAsync();

            // Staff open the portfolio and wait, reloading, until its rows carry the fed figures.
            await new LoginPage(staffPage).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
            var portfolio = new PortfolioPage(staffPage);
            await portfolio.GoToAsync();
            await portfolio.ReloadUntilAsync(async () =>
            {
                await Expect(portfolio.Gmv(Stalled)).ToHaveTextAsync("¥5K", Quick);
                await Expect(portfolio.Gmv(Active)).ToHaveTextAsync("¥10K", Quick);
            });
            await Expect(portfolio.StalledFlag(Stalled)).ToHaveTextAsync("Stalled");
            await Expect(portfolio.StalledFlag(Active)).ToHaveCountAsync(0);
            await Expect(portfolio.Total).ToHaveTextAsync("2 brands");

            // The saved view "stalled" keeps Cloud Tea only.
            await portfolio.PickViewAsync("stalled");
            await Expect(staffPage).ToHaveURLAsync(new Regex(@"/ops/portfolio\?view=stalled$"));
            await Expect(portfolio.View("stalled")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(portfolio.Total).ToHaveTextAsync("1 brand");
            await Expect(portfolio.StalledFlag(Stalled)).ToHaveTextAsync("Stalled");
            await Expect(portfolio.Row(Active)).ToHaveCountAsync(0);

            // Brand 360 from the grid; a public comment.
            await portfolio.OpenBrandAsync(Stalled);
            await Expect(staffPage).ToHaveURLAsync(new Regex($"/ops/brands/{Stalled}$"));
            var brand360 = new Brand360Page(staffPage);
            await Expect(brand360.Header).ToContainTextAsync(DemoAccounts.BrandNameEn);
            var staffComments = new BrandCommentsPage(staffPage);
            await staffComments.WriteAsync(question);
            await Expect(staffComments.Comment(question)).ToBeVisibleAsync();
            var staffBell = new NotificationBell(staffPage);
            var staffUnread = await staffBell.UnreadAsync();
            await staffPage.MarkThisLoadAsync();

            // The brand's open page counts the comment without a reload; the notification leads to the thread.
            await Expect(brandBell.Button).ToHaveAttributeAsync("data-unread", Count(brandUnread + 1));
            await brandBell.OpenAsync();
            await brandBell.OpenItemAsync("Cloud Tea: new message from SKA staff");
            await Expect(brandPage).ToHaveURLAsync(new Regex($"/brands/{Stalled}/messages$"));
            var brandComments = new BrandCommentsPage(brandPage);
            await Expect(brandComments.Comment(question)).ToBeVisibleAsync();
            await brandComments.ReplyAsync(question, answer);
            await Expect(brandComments.Comment(question).GetByTestId("comment-reply")).ToContainTextAsync(answer);

            // Staff's open Brand 360 shows the reply under their comment, and counts it, without a reload.
            await Expect(staffComments.Comment(question).GetByTestId("comment-reply")).ToContainTextAsync(answer);
            const string replied = "Cloud Tea: the brand replied";
            await Expect(staffBell.Button).ToHaveAttributeAsync("data-unread", Count(staffUnread + 1));
            (await staffPage.IsSameLoadAsync()).ShouldBeTrue("Brand 360 was reloaded");

            // The panel and the notification centre list it; "See all" closes the panel on its way.
            await staffBell.OpenAsync();
            await Expect(staffBell.Item(replied)).ToContainTextAsync(answer);
            await staffBell.SeeAllAsync();
            await Expect(staffPage).ToHaveURLAsync(new Regex("/notifications$"));
            await Expect(staffBell.Panel).ToBeHiddenAsync();
            await Expect(staffBell.Row(replied)).ToHaveAttributeAsync("data-read", "false");
            await Expect(staffBell.Row(replied)).ToContainTextAsync(answer);

            // Opening it marks it read and leads to the comments on the brand's Brand 360 page.
            await staffBell.OpenRowAsync(replied);
            await Expect(staffPage).ToHaveURLAsync(new Regex($"/ops/brands/{Stalled}$"));
            await Expect(brand360.Comments).ToBeVisibleAsync();
            await Expect(staffComments.Comment(question).GetByTestId("comment-reply")).ToContainTextAsync(answer);
            await Expect(staffBell.Button).ToHaveAttributeAsync("data-unread", Count(staffUnread));
        }
        finally
        {
            await Server.ResetClockAsync();
        }
    });

    // Five days of figures from the first day: orders placed, none of them paid yet.
    private static IEnumerable<FedDay> Days(string brand, DateOnly first, decimal gmv) =>
        Enumerable.Range(0, 5).Select(i => new FedDay(brand, first.AddDays(i), Gmv: gmv, Orders: 10, PaidOrders: 0));

    private static string Count(int unread) => unread.ToString(CultureInfo.InvariantCulture);

    private Task MoveClockAsync(DateOnly day) => Server.MoveClockAsync(new DateTimeOffset(day, new TimeOnly(10, 0), TimeSpan.FromHours(8)));
}
