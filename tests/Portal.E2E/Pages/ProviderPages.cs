namespace Portal.E2E.Pages;

/// <summary>/brands/{code}/providers: the owner authorises service providers for areas of the brand and revokes them (interactive).</summary>
public sealed class BrandProvidersPage(IPage page)
{
    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/providers");
        await page.WaitUntilInteractiveAsync();
    }

    public ILocator Success => page.GetByTestId("success");

    /// <summary>The row of a provider's delegation in the list.</summary>
    public ILocator Row(string providerName) =>
        page.GetByTestId("delegations").GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId("delegation-provider").GetByText(providerName, new() { Exact = true }) });

    /// <summary>Picks the provider, ticks the areas and authorises from today, with no end.</summary>
    public async Task AuthoriseAsync(string providerName, params string[] areas)
    {
        await page.GetByTestId("grant-form").GetByRole(AriaRole.Combobox).First.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = providerName }).ClickAsync();
        foreach (var area in areas)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = area, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Authorise", Exact = true }).ClickAsync();
    }

    /// <summary>Revokes the provider's running delegation, confirming when asked.</summary>
    public async Task RevokeAsync(string providerName)
    {
        await Row(providerName).GetByTestId("revoke").ClickAsync();
        await Row(providerName).GetByTestId("revoke-confirm").ClickAsync();
    }
}

/// <summary>/provider: the brands a provider's person serves.</summary>
public sealed class ProviderHomePage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Brands => page.GetByTestId("provider-brand-name");
}
