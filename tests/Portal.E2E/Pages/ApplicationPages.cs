using System.Text.RegularExpressions;

namespace Portal.E2E.Pages;

/// <summary>/brands/new: a brand manager starts a brand (interactive).</summary>
public sealed class NewBrandPage(IPage page)
{
    public async Task GoToAsync()
    {
        await page.GotoAsync("brands/new");
        await page.WaitUntilInteractiveAsync();
    }

    public async Task CreateAsync(string nameZh, string nameEn, string code)
    {
        await page.GetByLabel("Chinese name").FillAsync(nameZh);
        await page.GetByLabel("English name").FillAsync(nameEn);
        await page.GetByLabel("Brand code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create brand" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/brands/{code}/application$"));
    }
}

/// <summary>/brands/{code}/application: the profile, the status and the workflow actions (interactive).</summary>
public sealed class ApplicationPage(IPage page)
{
    public ILocator State => page.GetByTestId("application-state");

    public ILocator Errors => page.GetByTestId("errors");

    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/application");
        await page.WaitUntilInteractiveAsync();
    }

    public async Task FillAsync(string label, string value) => await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public async Task CheckCategoryAsync(string category) => await page.GetByLabel(category, new() { Exact = true }).CheckAsync();

    /// <summary>Clicks a workflow action such as "Submit", "Start review" or "Approve".</summary>
    public async Task ActAsync(string action) => await page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
}

/// <summary>/ops/applications: staff's queue of submitted brands.</summary>
public sealed class ApplicationQueuePage(IPage page)
{
    public async Task GoToAsync()
    {
        await page.GotoAsync("ops/applications");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>The link that opens the brand's application for review (the brand's name itself opens Brand 360).</summary>
    public ILocator Row(string brandName) => page.GetByRole(AriaRole.Link, new() { Name = $"Review {brandName}", Exact = true });

    /// <summary>The brand's name, which opens its Brand 360 page (/ops/brands/{code}).</summary>
    public ILocator BrandLink(string brandName) => page.GetByRole(AriaRole.Link, new() { Name = brandName, Exact = true });
}
