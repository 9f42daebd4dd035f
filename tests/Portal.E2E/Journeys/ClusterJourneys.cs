using System.Globalization;

namespace Portal.E2E.Journeys;

/// <summary>
/// Two web nodes on one PostgreSQL database (<see cref="PortalCluster"/>): what someone does through one node shows
/// live on a page open on the other, as it does on one node (CommentJourneys), carried by LISTEN/NOTIFY.
/// </summary>
[Trait("Kind", "Postgres")]
public sealed class ClusterJourneys(PortalCluster cluster, ITestOutputHelper output) : IClassFixture<PortalCluster>
{
    [PostgresFact]
    public async Task BrandComment_PostedThroughNodeA_AppearsOnStaffPageOpenOnNodeB_AndRingsTheirBell_WithoutReload()
    {
        var message = $"Our trademark certificate is uploaded ({Guid.NewGuid():N}).";
        await using var staffContext = await cluster.NewContextAsync(cluster.B);
        await using var brandContext = await cluster.NewContextAsync(cluster.A);
        var staffPage = await staffContext.NewPageAsync();
        var brandPage = await brandContext.NewPageAsync();
        try
        {
            // Staff have Cloud Tea's Brand 360 open on node B.
            await new LoginPage(staffPage).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
            var staffComments = new BrandCommentsPage(staffPage);
            await staffComments.GoToBrand360Async(DemoAccounts.BrandCode);
            await Expect(staffComments.Thread).ToBeVisibleAsync();
            var staffBell = new NotificationBell(staffPage);
            var before = await staffBell.UnreadAsync();
            await staffPage.MarkThisLoadAsync();

            // The brand writes to the platform through node A.
            await new LoginPage(brandPage).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
            var brandComments = new BrandCommentsPage(brandPage);
            await brandComments.GoToBrandMessagesAsync(DemoAccounts.BrandCode);
            await brandComments.WriteAsync(message);
            await Expect(brandComments.Comment(message)).ToBeVisibleAsync();

            // Node B's open page shows it and counts it (Cloud Tea has no account manager: every staff member hears).
            await Expect(staffComments.Comment(message)).ToBeVisibleAsync();
            await Expect(staffBell.Button).ToHaveAttributeAsync("data-unread", (before + 1).ToString(CultureInfo.InvariantCulture));
            (await staffPage.IsSameLoadAsync()).ShouldBeTrue("the staff page showed the comment without a reload");
            await staffBell.OpenAsync();
            await Expect(staffBell.Item(message)).ToContainTextAsync($"{DemoAccounts.BrandNameEn}: new message from the brand");
        }
        catch (Exception failure)
        {
            await KeepEvidenceAsync(failure, ("staff-on-B", staffPage), ("brand-on-A", brandPage));
            throw;
        }
    }

    private async Task KeepEvidenceAsync(Exception failure, params (string Name, IPage Page)[] pages)
    {
        var folder = Path.Combine(PortalServer.FindRepositoryRoot(), "TestResults", "e2e-artifacts");
        Directory.CreateDirectory(folder);
        foreach (var (name, page) in pages)
        {
            var screenshot = Path.Combine(folder, $"{nameof(ClusterJourneys)}.{name}.png");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
                output.WriteLine($"Screenshot: {screenshot} ({name} was at {page.Url})");
            }
            catch (PlaywrightException e)
            {
                output.WriteLine($"No screenshot of {name} ({e.Message})");
            }
        }

        output.WriteLine($"The journey failed ({failure.GetType().Name}).");
        output.WriteLine(cluster.LogTail());
    }
}
