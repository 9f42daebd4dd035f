namespace Portal.E2E.Pages;

/// <summary>/ops/metrics/import (staff) and /brands/{code}/dashboard/import (members): the CSV import form (interactive).</summary>
public sealed class MetricsImportPage(IPage page)
{
    private ILocator Form => page.GetByTestId("metrics-import");

    public ILocator Preview => page.GetByTestId("import-preview");

    public ILocator Progress => page.GetByTestId("import-progress");

    public ILocator ProgressBar => Progress.GetByRole(AriaRole.Progressbar);

    public ILocator Result => page.GetByTestId("import-result");

    public ILocator Errors => page.GetByTestId("import-errors");

    public async Task GoToStaffAsync()
    {
        await page.GotoAsync("ops/metrics/import");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Attaches the file (MudFileUpload keeps its input hidden behind the button) and waits for the preview.</summary>
    public async Task ChooseAsync(string fileName, byte[] content)
    {
        await Form.Locator("input[type='file']").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = content });
        await Expect(Form.GetByTestId("import-file-name")).ToHaveTextAsync(fileName);
        await Expect(Preview).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    public async Task ImportAsync() =>
        await Form.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
}

/// <summary>/brands/{code}/dashboard: the brand's figures (interactive).</summary>
public sealed class DashboardPage(IPage page)
{
    public ILocator Fans => page.GetByTestId("kpi-fans");

    public ILocator Milestones => page.GetByTestId("milestones");

    /// <summary>The GMV-per-day chart card.</summary>
    public ILocator GmvPerDay => page.GetByTestId("chart-gmv-day");

    /// <summary>The left and right edges of the date labels the axis shows (the others are hidden by CSS).</summary>
    public async Task<double[][]> VisibleDateLabelEdgesAsync() =>
        await GmvPerDay.Locator(".mud-charts-xaxis text").EvaluateAllAsync<double[][]>(
            "texts => texts.filter(t => getComputedStyle(t).display !== 'none').map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right]; })");

    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/dashboard");
        await page.WaitUntilInteractiveAsync();
    }
}

/// <summary>/brands/{code}/journey: the STEPS task board (interactive).</summary>
public sealed class JourneyPage(IPage page)
{
    public ILocator Task(string code) => page.GetByTestId($"journey-task-{code}");

    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/journey");
        await page.WaitUntilInteractiveAsync();
    }
}
