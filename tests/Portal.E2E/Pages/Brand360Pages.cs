namespace Portal.E2E.Pages;

/// <summary>/ops/brands/{code}: staff's Brand 360 page of one brand.</summary>
public sealed class Brand360Page(IPage page)
{
    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"ops/brands/{code}");
        await page.WaitUntilInteractiveAsync();
    }

    public ILocator Header => page.GetByTestId("brand360-header");

    public ILocator Tier => page.GetByTestId("brand360-tier");

    public ILocator Errors => page.GetByTestId("errors");

    public ILocator Success => page.GetByTestId("success");

    public ILocator CurrentAccountManager => page.GetByTestId("account-manager-current");

    public ILocator TimelineEntries => page.GetByTestId("timeline-entry");

    /// <summary>The section below the tabs that holds the brand's comments (read it with <see cref="BrandCommentsPage"/>).</summary>
    public ILocator Comments => page.GetByTestId("brand360-comments");

    public async Task OpenTabAsync(string name) => await page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>Picks a staff member in the account-manager select and assigns them.</summary>
    public async Task AssignAccountManagerAsync(string displayName)
    {
        await page.GetByTestId("account-manager").GetByRole(AriaRole.Combobox).First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = displayName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
    }

    /// <summary>Chooses the new tier, types the reason (may be empty) and overrides.</summary>
    public async Task OverrideTierAsync(string tier, string reason)
    {
        var panel = page.GetByTestId("tier-override");
        await panel.GetByRole(AriaRole.Combobox).First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = tier, Exact = true }).ClickAsync();
        await panel.GetByLabel("Reason (required)").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Override tier", Exact = true }).ClickAsync();
    }
}
