using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Metrics;
using Portal.IntegrationTests.Core.Features.Metrics;
using Portal.IntegrationTests.Infrastructure;
using Portal.Web.Components.Pages.Metrics;

namespace Portal.IntegrationTests.Web.Components.Metrics;

/// <summary>The CSV import form against the real import service and SQLite: preview, result and errors by line.</summary>
public sealed class MetricsImportFormTests : PortalTestContext, IClassFixture<MetricsCsvFixture>
{
    private const string Header = "brand,date,gmv,influencers";

    public MetricsImportFormTests(MetricsCsvFixture fixture)
    {
        Services.AddSingleton(fixture.App.Services.GetRequiredService<MetricsCsvImport>());
        Services.AddSingleton(fixture.App.Services.GetRequiredService<IOptions<MetricsOptions>>());
        // The staff import page: any brand's figures.
        var auth = AddAuthorization();
        auth.SetAuthorized("ska@demo.test");
        auth.SetRoles(Portal.Core.Features.Accounts.PortalRoles.SkaOperator);
    }

    private static string Csv(IEnumerable<string> rows) => string.Join("\n", rows.Prepend(Header)) + "\n";

    private static IEnumerable<string> Days(int count, string gmv = "100.50") =>
        Enumerable.Range(0, count).Select(d => $"demo-tea,{new DateOnly(2025, 1, 1).AddDays(d):yyyy-MM-dd},{gmv},3");

    private IRenderedComponent<MetricsImportForm> RenderWithFile(string content)
    {
        var form = Render<MetricsImportForm>();
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, "figures.csv"));
        return form;
    }

    [Fact]
    public void ChosenFile_ShowsTheFirstTenRowsWithTheirLinesAndTheRowCount()
    {
        var form = RenderWithFile(Csv(Days(25)));

        form.WaitForAssertion(() => form.Find("[data-testid='import-preview']"));
        var rows = form.FindAll("[data-testid='import-preview'] tbody tr");
        rows.Count.ShouldBe(10);
        rows[0].TextContent.ShouldContain("2demo-tea2025-01-01100.503");
        rows[9].TextContent.ShouldContain("2025-01-10");
        form.FindAll("[data-testid='import-preview'] th").Select(th => th.TextContent).ShouldBe(["Line", "brand", "date", "gmv", "influencers"]);
        form.Markup.ShouldContain("Preview: the first 10 of 25 rows");
        form.FindAll("[data-testid='import-result']").ShouldBeEmpty();
    }

    [Fact]
    public void Import_OfAValidFile_ShowsTheCounts()
    {
        var form = RenderWithFile(Csv(Days(30)));
        form.WaitForAssertion(() => form.Find("[data-testid='import-submit']"));

        form.Find("[data-testid='import-submit']").Click();

        form.WaitForAssertion(() => form.Find("[data-testid='import-result']").TextContent.ShouldContain("Imported: 30 new, 0 updated, 0 unchanged."));
        form.FindAll("[data-testid='import-errors']").ShouldBeEmpty();
    }

    [Fact]
    public void Import_WithSixtyBadCells_ShowsTheFirstFiftyByLineAndTheTotal()
    {
        var rows = Days(5).Concat(Days(60, gmv: "lots").Select(r => r.Replace("2025-", "2024-", StringComparison.Ordinal)));
        var form = RenderWithFile(Csv(rows));
        form.WaitForAssertion(() => form.Find("[data-testid='import-submit']"));

        form.Find("[data-testid='import-submit']").Click();

        form.WaitForAssertion(() => form.Find("[data-testid='import-errors-summary']").TextContent.ShouldContain("Nothing was imported: 60 errors; the first 50 are shown."));
        var errors = form.FindAll("[data-testid='import-error']");
        errors.Count.ShouldBe(50);
        // Line 1 is the header and lines 2-6 are fine, so the first bad row is line 7.
        errors[0].Children.Select(c => c.TextContent.Trim()).ShouldBe(["7", "gmv", "'lots' is not a number."]);
        errors[49].Children[0].TextContent.Trim().ShouldBe("56");
        form.FindAll("[data-testid='import-result']").ShouldBeEmpty();
    }
}

/// <summary>The brand's own import page over HTTP (prerendered).</summary>
public sealed class BrandImportPageTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private readonly PortalAppFactory _app = fixture.App;

    [Fact]
    public async Task ImportPage_ForAnotherBrandsMember_IsNotFound()
    {
        var owner = $"imp-{Guid.NewGuid():N}@example.com";
        await TestBrands.CreateWithOwnerAsync(_app, $"imp-{Guid.NewGuid():N}"[..20], owner);
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(owner, TestBrands.Password);

        var response = await browser.Http.GetAsync("/brands/demo-tea/dashboard/import");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ImportPage_ForTheBrandsOwner_ShowsTheForm()
    {
        var owner = $"imp-{Guid.NewGuid():N}@example.com";
        var code = $"imp-{Guid.NewGuid():N}"[..20];
        await TestBrands.CreateWithOwnerAsync(_app, code, owner);
        using var browser = new BrowserClient(_app);
        await browser.SignInAsync(owner, TestBrands.Password);

        var html = await browser.Http.GetStringAsync($"/brands/{code}/dashboard/import?culture=en");

        html.ShouldContain("data-testid=\"metrics-import\"");
        html.ShouldContain("Choose a CSV file");
    }
}
