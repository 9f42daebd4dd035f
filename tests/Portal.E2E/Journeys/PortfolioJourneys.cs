using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class PortfolioJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task StaffPickTheStalledView_SeeAStalledBrand_AndExportIt() => RunAsync(async page =>
    {
        // A month on, with no figures since, the demo brands count as stalled.
        var later = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(30).ToString("yyyy-MM-dd'T'10:00:00zzz", CultureInfo.InvariantCulture);
        using (var moved = await Server.Http.PostAsJsonAsync("testing/clock", new { now = later }))
        {
            moved.EnsureSuccessStatusCode();
        }

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
            using var reset = await Server.Http.DeleteAsync("testing/clock");
        }
    });
}
