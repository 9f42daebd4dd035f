namespace Portal.E2E.Pages;

/// <summary>
/// A brand's comments (the BrandComments component): on /brands/{code}/messages for the brand, and on
/// Brand 360 (/ops/brands/{code}) or /ops/brands/{code}/comments for staff.
/// </summary>
public sealed class BrandCommentsPage(IPage page)
{
    public ILocator Thread => page.GetByTestId("comment-thread");

    public ILocator InternalNotes => page.GetByTestId("internal-notes");

    public ILocator Comment(string text) => Thread.GetByTestId("comment").Filter(new() { HasText = text });

    public async Task GoToBrandMessagesAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/messages");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Brand 360, where the comments sit below the tabs.</summary>
    public async Task GoToBrand360Async(string code)
    {
        await page.GotoAsync($"ops/brands/{code}");
        await page.WaitUntilInteractiveAsync();
    }

    public async Task GoToStaffCommentsAsync(string code)
    {
        await page.GotoAsync($"ops/brands/{code}/comments");
        await page.WaitUntilInteractiveAsync();
    }

    public async Task WriteAsync(string text)
    {
        await Thread.GetByLabel("Write a message").FillAsync(text);
        await Thread.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
    }

    public async Task ReplyAsync(string toComment, string text)
    {
        var comment = Comment(toComment);
        await comment.GetByTestId("comment-reply-button").ClickAsync();
        await comment.GetByLabel("Reply").FillAsync(text);
        await comment.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
    }
}

/// <summary>The bell in the app bar and its panel, and /notifications.</summary>
public sealed class NotificationBell(IPage page)
{
    public ILocator Button => page.GetByTestId("notification-bell");

    public ILocator Items => page.GetByTestId("notification-item");

    public async Task<int> UnreadAsync() => int.Parse(await Button.GetAttributeAsync("data-unread") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bell's panel entries that contain <paramref name="text"/>.</summary>
    public ILocator Item(string text) => Items.Filter(new() { HasText = text });

    /// <summary>The panel the bell opens (latest notifications, "Mark all read", "See all notifications").</summary>
    public ILocator Panel => page.GetByTestId("notification-panel");

    public async Task OpenAsync() => await Button.ClickAsync();

    /// <summary>Closes the panel with its own close button.</summary>
    public async Task CloseAsync() => await Panel.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();

    /// <summary>Clicks the newest panel entry containing <paramref name="text"/>: it is marked read and its link opens.</summary>
    public async Task OpenItemAsync(string text) => await Item(text).First.ClickAsync();

    public async Task SeeAllAsync() => await page.GetByTestId("notifications-see-all").ClickAsync();

    public ILocator Rows => page.GetByTestId("notification-row");

    /// <summary>The rows of /notifications that contain <paramref name="text"/>.</summary>
    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });

    /// <summary>Clicks "Open" on the newest row of /notifications containing <paramref name="text"/>: it is marked read and its link opens.</summary>
    public async Task OpenRowAsync(string text) =>
        await Row(text).First.GetByRole(AriaRole.Button, new() { Name = "Open", Exact = true }).ClickAsync();
}
