namespace Portal.E2E.Pages;

/// <summary>/brand: a brand manager's start page, one section per brand they belong to.</summary>
public sealed class BrandHomePage(IPage page)
{
    public const string Path = "/brand";

    public ShellPage Shell { get; } = new(page);

    public ILocator Heading => Shell.Heading;

    /// <summary>A brand's section (a region named after the brand), found by any of its names.</summary>
    public ILocator Brand(string name) => page.GetByRole(AriaRole.Region).Filter(new() { HasText = name });

    /// <summary>Shown instead of brands to someone who belongs to none (an informational MudAlert, which has no role).</summary>
    public ILocator NoBrandMessage => page.GetByText("You are not a member of a brand yet.");

    /// <summary>The brand's to-do list inside its section.</summary>
    public ILocator ToDo(string brandName) => Brand(brandName).GetByTestId("brand-todo");

    /// <summary>One to-do item (<c>todo-next-task</c>, <c>todo-next-stream</c>, <c>todo-decision</c>...) of the brand.</summary>
    public ILocator ToDoItem(string brandName, string testId) => ToDo(brandName).GetByTestId(testId);

    /// <summary>A KPI card (<c>kpi-Gmv</c>...) of the brand.</summary>
    public ILocator Kpi(string brandName, string key) => Brand(brandName).GetByTestId($"kpi-{key}");

    /// <summary>The current brand's sections in the side navigation.</summary>
    public ILocator BrandNav => page.GetByTestId("brand-nav");

    public async Task GoToAsync() => await page.GotoAsync(Path.TrimStart('/'));
}
