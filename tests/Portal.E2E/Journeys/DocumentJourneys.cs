using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class DocumentJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    // The preview must open in Chrome's own PDF viewer, which only the full browser has.
    protected override bool NeedsPdfViewer => true;

    private const string Trademark = "Trademark registration certificate";

    [Fact]
    public Task TrademarkCertificate_UploadedCheckedAndApprovedFromTheQueue_ThenPastExpiry_BlocksItsCategory() => RunAsync(async page =>
    {
        // The demo brand manager starts a brand that sells food and owns its trademark.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        var newBrand = new NewBrandPage(page);
        await newBrand.GoToAsync();
        await newBrand.CreateAsync("山茶", "Camellia Tea", "camellia-tea");
        var application = new ApplicationPage(page);
        await application.FillAsync("Company (applicant)", "Camellia Tea Co., Ltd.");
        await application.CheckCategoryAsync("Food");
        await application.ActAsync("Save");
        await Expect(page.GetByTestId("success")).ToContainTextAsync("Saved.");

        // The brand uploads its trademark certificate; the check job runs and the page shows its result.
        var today = await Server.PlatformTodayAsync();
        var expires = today.AddYears(1);
        var documents = new DocumentsPage(page);
        await documents.GoToAsync("camellia-tea");
        await Expect(documents.State("brand-trademark")).ToHaveTextAsync("Not provided");
        await documents.UploadAsync(Trademark, "TM-30-2024-777001", "China National Intellectual Property Administration",
            today.AddYears(-2), expires, "trademark.pdf", TestPdf.WithText("Trademark registration certificate TM-30-2024-777001"));
        await Expect(documents.UploadDone).ToBeVisibleAsync();
        await Expect(documents.State("brand-trademark")).ToHaveTextAsync("Awaiting review", new() { Timeout = 20_000 });
        await Expect(documents.Compliance).ToHaveTextAsync("Incomplete");
        await new ShellPage(page).SignOutAsync();

        // Staff open it from the queue: the PDF shows in the preview, and they approve it.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        var queue = new DocumentQueuePage(page);
        await queue.GoToAsync();
        var preview = page.WaitForResponseAsync(r => r.Url.EndsWith("/preview", StringComparison.Ordinal));
        await queue.OpenAsync("camellia-tea", Trademark);
        await Expect(queue.ReviewPanel).ToContainTextAsync("Number TM-30-2024-777001");
        var answer = await preview;
        answer.Status.ShouldBe(200);
        var headers = await answer.AllHeadersAsync();
        headers["content-type"].ShouldBe("application/pdf");
        headers["x-content-type-options"].ShouldBe("nosniff");
        headers["content-disposition"].ShouldStartWith("inline");
        headers["content-security-policy"].ShouldNotContain("sandbox");
        (await queue.PdfViewerOpenedAsync()).ShouldBeTrue("Chrome's PDF viewer did not open in the preview frame");
        await queue.DecideAsync("Approve");
        await Expect(queue.Queue.GetByText("camellia-tea")).ToHaveCountAsync(0);
        await new ShellPage(page).SignOutAsync();

        // The brand sees it approved.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await documents.GoToAsync("camellia-tea");
        await Expect(documents.State("brand-trademark")).ToHaveTextAsync("Approved");
        await Expect(documents.Blocked).ToHaveCountAsync(0);

        // The day after it expires, the food category may no longer sell.
        await Server.MoveClockAsync(new DateTimeOffset(expires.AddDays(1), new TimeOnly(9, 0), TimeSpan.FromHours(8)));

        // A year on, the sign-in has expired too.
        await new LoginPage(page).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await documents.GoToAsync("camellia-tea");
        await Expect(documents.State("brand-trademark")).ToHaveTextAsync("Expired");
        await Expect(documents.Compliance).ToHaveTextAsync("Blocked from selling");
        await Expect(documents.Blocked).ToContainTextAsync(new Regex("^Food is blocked from selling: Trademark registration certificate TM-30-2024-777001 expired on"));
    });
}
