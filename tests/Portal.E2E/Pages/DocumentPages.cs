using System.Globalization;

namespace Portal.E2E.Pages;

/// <summary>/brands/{code}/documents: the brand's certification checklist and the upload form (interactive).</summary>
public sealed class DocumentsPage(IPage page)
{
    public ILocator Compliance => page.GetByTestId("compliance-status");

    public ILocator Blocked => page.GetByTestId("blocked-category");

    public ILocator UploadDone => page.GetByTestId("upload-done");

    public ILocator Errors => page.GetByTestId("document-upload").GetByTestId("errors");

    /// <summary>The state chip of one requirement ("Being checked", "Awaiting review", "Approved"...).</summary>
    public ILocator State(string ruleCode) => page.GetByTestId($"state-{ruleCode}");

    public async Task GoToAsync(string code)
    {
        await page.GotoAsync($"brands/{code}/documents");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Presses the requirement's Upload button (Replace once it has a version), fills in the details by their labels, attaches the file and uploads.</summary>
    public async Task UploadAsync(string requirementTitle, string number, string issuer, DateOnly issuedOn, DateOnly expiresOn, string fileName, byte[] content)
    {
        var name = new System.Text.RegularExpressions.Regex($"^(Upload|Replace): {System.Text.RegularExpressions.Regex.Escape(requirementTitle)}$");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = name }).ClickAsync();
        var form = page.GetByTestId("document-upload");
        await form.GetByLabel("Certificate number").FillAsync(number);
        await form.GetByLabel("Issuer").FillAsync(issuer);
        await TypeDateAsync(form.GetByLabel("Issue date"), issuedOn);
        await TypeDateAsync(form.GetByLabel("Expiry date"), expiresOn);
        // MudFileUpload keeps its <input type="file"> hidden behind the "Choose a file" button.
        await form.Locator("input[type='file']").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content });
        await Expect(form.GetByTestId("upload-file-name")).ToHaveTextAsync(fileName);
        await form.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
    }

    private static async Task TypeDateAsync(ILocator field, DateOnly day)
    {
        await field.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await field.PressAsync("Tab");
    }
}

/// <summary>/ops/documents: staff's document review queue (interactive).</summary>
public sealed class DocumentQueuePage(IPage page)
{
    public ILocator Queue => page.GetByTestId("queue");

    public ILocator ReviewPanel => page.GetByTestId("review-panel");

    public ILocator PdfPreview => page.GetByTestId("preview-pdf");

    public async Task GoToAsync()
    {
        await page.GotoAsync("ops/documents");
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>
    /// Whether Chrome's PDF viewer (its built-in extension, in a frame of its own inside the preview
    /// iframe) has opened; it does not in a sandboxed frame or document. Frames have no retrying assertion, so this polls.
    /// </summary>
    public async Task<bool> PdfViewerOpenedAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (page.Frames.Any(f => f.Url.StartsWith(PdfViewerOrigin, StringComparison.Ordinal)))
            {
                return true;
            }

            await page.WaitForTimeoutAsync(200);
        }

        return false;
    }

    private const string PdfViewerOrigin = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/";

    public async Task OpenAsync(string brandCode, string typeName) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"Review {brandCode}: {typeName}", Exact = true }).ClickAsync();

    /// <summary>"Approve", "Request changes" or "Reject" in the review panel.</summary>
    public async Task DecideAsync(string decision) =>
        await ReviewPanel.GetByRole(AriaRole.Button, new() { Name = decision, Exact = true }).ClickAsync();
}
