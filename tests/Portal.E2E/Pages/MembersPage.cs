namespace Portal.E2E.Pages;

/// <summary>/brands/{code}/members: the owner invites, sees and removes members (interactive).</summary>
public sealed class MembersPage(IPage page)
{
    public ILocator Success => page.GetByTestId("success");

    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/members");
        await page.WaitUntilInteractiveAsync();
    }

    public ILocator Member(string email) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    public async Task InviteAsync(string email)
    {
        await page.GetByLabel("E-mail of the person to invite").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
    }

    public async Task RemoveAsync(string email) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {email}" }).ClickAsync();
}
