using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class PortfolioJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task StaffPickTheStalledView_SeeAStalledBrand_AndExportIt() => RunAsync(async page =>
    {
        // A month on, with no figures since, the demo brands count as stalled.
        var later = (await Server.PlatformTodayAsync()).AddDays(30);
        await Server.MoveClockAsync(new DateTimeOffset(later, new TimeOnly(10, 0), TimeSpan.FromHours(8)));

        try
        {
            await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
            var portfolio = new PortfolioPage(page);
            await portfolio.GoToAsync();
            await Expect(portfolio.Row("silver-moon")).ToBeVisibleAsync();

            await portfolio.PickViewAsync("stalled");
            await Expect(page).ToHaveURLAsync(new Regex(@"/ops/portfolio\?view=stalled"));
            var row = portfolio.Row("silver-moon");
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.GetByTestId("stalled-flag")).ToHaveTextAsync("Stalled");

            // The view survives a reload: the URL holds it.
            await page.ReloadAsync();
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByTestId("view-stalled")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(portfolio.Row("silver-moon")).ToBeVisibleAsync();

            var download = await portfolio.ExportCsvAsync();
            download.SuggestedFilename.ShouldEndWith(".csv");
            var path = await download.PathAsync();
            var lines = await File.ReadAllLinesAsync(path);
            lines[0].ShouldStartWith("Code,Brand,");
            lines.ShouldContain(l => l.StartsWith("silver-moon,", StringComparison.Ordinal));
            lines.Skip(1).ShouldAllBe(l => l.Contains(",Yes,", StringComparison.Ordinal));
        }
        finally
        {
            await Server.ResetClockAsync();
        }
    });
}
