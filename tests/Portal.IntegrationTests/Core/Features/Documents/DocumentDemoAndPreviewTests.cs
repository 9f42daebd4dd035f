using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Documents;

/// <summary>The demo documents Development seeds, and how the preview endpoint serves a PDF and an image.</summary>
public sealed class DocumentDemoAndPreviewTests(DocumentsAppFixture fixture) : IClassFixture<DocumentsAppFixture>
{
    private Task<Guid> BrandIdAsync(string code) => fixture.App.WithDbAsync(db => db.Brands.Where(b => b.Code == code).Select(b => b.Id).SingleAsync());

    [Fact]
    public async Task DemoSeed_GivesCloudTeaApprovedDocumentsWithFiles_AndQueuesSilverMoonsLetter_AndRunsTwiceWithoutDuplicates()
    {
        var tea = await BrandIdAsync(DemoData.BrandCode);
        var compliance = await fixture.Checklist.ComplianceAsync(tea);
        compliance.Status.ShouldBe(ComplianceStatus.Compliant);
        compliance.Requirements.Select(r => (r.Rule.Code, r.State)).ShouldBe([("brand-trademark", RequirementState.Approved), ("food-licence", RequirementState.Approved)]);
        var staff = await fixture.StaffAsync();
        foreach (var requirement in compliance.Requirements)
        {
            await using var file = (await fixture.Files.OpenFileAsync(staff, requirement.Effective!.Id))!.Content;
            var bytes = new byte[file.Length];
            await file.ReadExactlyAsync(bytes);
            FileInspector.Inspect(bytes).Kind.ShouldBe(FileKind.Pdf);
        }

        var queued = await fixture.QueueItemsAsync(staff, new QueueFilter { BrandCode = "silver-moon" });
        queued.Single().Type.ShouldBe(DocumentType.AuthorisationLetter);

        using (var scope = fixture.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        }

        var moon = await BrandIdAsync("silver-moon");
        (await fixture.App.WithDbAsync(db => db.Documents.CountAsync(d => d.BrandId == tea || d.BrandId == moon))).ShouldBe(3);
    }

    [Fact]
    public async Task Preview_OfAPdf_IsInlineWithoutSandbox_OfAnImage_StaysSandboxed_BothNosniff()
    {
        var pdf = (await fixture.Checklist.ComplianceAsync(await BrandIdAsync(DemoData.BrandCode))).Requirements[0].Effective!.Id;
        var (code, owner, _) = await fixture.NewBrandAsync();
        var png = await fixture.UploadCheckedAsync(code, owner, DocumentsAppFixture.Trademark("TM-30-2020-PREV01"));
        using var client = new BrowserClient(fixture.App);
        await client.SignInAsync(DemoData.OperatorEmail);

        using var pdfAnswer = await client.Http.GetAsync($"/documents/{pdf}/preview");
        pdfAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdfAnswer.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        pdfAnswer.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        pdfAnswer.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        var pdfPolicy = pdfAnswer.Headers.GetValues("Content-Security-Policy").Single();
        pdfPolicy.ShouldNotContain("sandbox");
        pdfPolicy.ShouldContain("frame-ancestors 'self'");

        using var imageAnswer = await client.Http.GetAsync($"/documents/{png}/preview");
        imageAnswer.StatusCode.ShouldBe(HttpStatusCode.OK);
        imageAnswer.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        imageAnswer.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        imageAnswer.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
    }
}
