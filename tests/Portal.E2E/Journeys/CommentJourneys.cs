using System.Text.RegularExpressions;

namespace Portal.E2E.Journeys;

public sealed class CommentJourneys(PortalServer server, ITestOutputHelper output) : PortalTest(server, output)
{
    [Fact]
    public Task Staff_Comment_BrandSeesAndReplies_StaffSeeTheReplyInNotifications() => RunAsync(async staffPage =>
    {
        const string question = "Please plan your first live stream for next week.";
        const string answer = "We will stream on Friday at 8 pm.";
        const string note = "Internal: brand looks slow, keep an eye on it.";

        // Staff comment on the brand (and leave an internal note the brand must never see).
        await new LoginPage(staffPage).SignInFromStartAsync(DemoAccounts.SkaOperator, DemoAccounts.Password);
        var staffComments = new BrandCommentsPage(staffPage);
        await staffComments.GoToBrand360Async(DemoAccounts.BrandCode);
        await staffComments.WriteAsync(question);
        await Expect(staffComments.Comment(question)).ToBeVisibleAsync();
        await staffComments.InternalNotes.GetByLabel("Write an internal note").FillAsync(note);
        await staffComments.InternalNotes.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Expect(staffComments.InternalNotes.GetByText(note)).ToBeVisibleAsync();
        var staffBell = new NotificationBell(staffPage);
        var before = await staffBell.UnreadAsync();

        // The brand sees the comment under its Messages tab (and a notification), not the note, and replies.
        await using var brandContext = await Server.NewContextAsync();
        var brandPage = await brandContext.NewPageAsync();
        await new LoginPage(brandPage).SignInFromStartAsync(DemoAccounts.BrandManager, DemoAccounts.Password);
        await brandPage.GotoAsync($"brands/{DemoAccounts.BrandCode}");
        await brandPage.WaitUntilInteractiveAsync();
        await brandPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
        await Expect(brandPage).ToHaveURLAsync(new Regex($"/brands/{DemoAccounts.BrandCode}/messages$"));
        await brandPage.WaitUntilInteractiveAsync();
        var brandComments = new BrandCommentsPage(brandPage);
        await Expect(brandComments.Comment(question)).ToBeVisibleAsync();
        await Expect(brandPage.GetByText(note)).ToHaveCountAsync(0);
        await Expect(brandComments.InternalNotes).ToHaveCountAsync(0);
        await brandComments.ReplyAsync(question, answer);
        await Expect(brandComments.Comment(question).GetByTestId("comment-reply")).ToContainTextAsync(answer);

        // Staff's open page shows the reply under the comment and counts it, without a reload.
        const string replied = "Cloud Tea: the brand replied";
        await Expect(staffComments.Comment(question).GetByTestId("comment-reply")).ToContainTextAsync(answer);
        await Expect(staffBell.Button).ToHaveAttributeAsync("data-unread", Count(before + 1));
        await staffBell.OpenAsync();
        await Expect(staffBell.Items.First).ToContainTextAsync(replied);
        await Expect(staffBell.Items.First).ToContainTextAsync(answer);

        // Its link is the page already open: clicking it closes the panel, marks it read, and the reply stays shown.
        await staffBell.OpenItemAsync(replied);
        await Expect(staffBell.Panel).ToBeHiddenAsync();
        await Expect(staffPage).ToHaveURLAsync(new Regex($"/ops/brands/{DemoAccounts.BrandCode}$"));
        await Expect(staffBell.Button).ToHaveAttributeAsync("data-unread", Count(before));
        await Expect(staffComments.Comment(question).GetByTestId("comment-reply")).ToContainTextAsync(answer);

        // The notification centre lists it, read; "See all" closes the panel, which would cover the list.
        await staffBell.OpenAsync();
        await staffBell.SeeAllAsync();
        await Expect(staffPage).ToHaveURLAsync(new Regex("/notifications$"));
        await Expect(staffBell.Panel).ToBeHiddenAsync();
        await Expect(staffBell.Rows.First).ToContainTextAsync(replied);
        await Expect(staffBell.Rows.First).ToHaveAttributeAsync("data-read", "true");
    });

    private static string Count(int unread) => unread.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
