namespace Portal.E2E.Pages;

/// <summary>/admin/users: find people, invite staff, disable and enable (interactive).</summary>
public sealed class AdminUsersPage(IPage page)
{
    public ILocator Success => page.GetByTestId("success");

    public ILocator Search => page.GetByTestId("users-search");

    public async Task GoToAsync()
    {
        await page.GotoAsync("admin/users");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>The grid row of <paramref name="email"/>; MudDataGrid rows carry the <c>user-row</c> class.</summary>
    public ILocator Row(string email) => page.Locator("tr.user-row").Filter(new() { HasText = email });

    public async Task FindAsync(string text) => await Search.FillAsync(text);

    public async Task DisableAsync(string email) =>
        await Row(email).GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
}

/// <summary>/admin/audit: the audit log viewer (interactive).</summary>
public sealed class AdminAuditPage(IPage page)
{
    public async Task GoToAsync()
    {
        await page.GotoAsync("admin/audit");
        await page.WaitUntilInteractiveAsync();
    }

    public ILocator Rows => page.Locator("tr.audit-row");
}
