using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Documents;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>A host with a document folder of its own starts from the template database and finds its seeded documents' files.</summary>
public sealed class TemplateDocumentsTests
{
    [Fact]
    public async Task HostWithItsOwnDocumentFolder_FindsTheSeededFilesThere()
    {
        using var storage = new TempDirectory();
        var folder = storage.File("documents");
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            [TemplateDocuments.StorageSetting] = folder,
        });

        // Started from the template, not seeded anew: its seeded rows are the template's, ids and all, as another template host's are.
        await using var other = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var ids = await app.WithDbAsync(db => db.Documents.Select(d => d.Id).OrderBy(id => id).ToListAsync());
        ids.ShouldBe(await other.WithDbAsync(db => db.Documents.Select(d => d.Id).OrderBy(id => id).ToListAsync()));

        app.Services.GetRequiredService<DocumentStorage>().Root.ShouldBe(folder);
        var hashes = await app.WithDbAsync(db => db.Documents.Select(d => d.FileHash).Distinct().ToListAsync());
        hashes.ShouldNotBeEmpty("the demo seed stores documents");
        foreach (var hash in hashes)
        {
            File.Exists(Path.Combine(folder, DocumentStorage.RelativePathOf(hash))).ShouldBeTrue($"the seeded file {hash} is in the host's own folder");
        }
    }

    [Fact]
    public void OnlyAnAbsoluteDocumentFolder_FitsTheTemplate()
    {
        DatabaseTemplate.Fits("Development", new Dictionary<string, string?> { [TemplateDocuments.StorageSetting] = Path.Combine(Path.GetTempPath(), "docs") }).ShouldBeTrue();
        DatabaseTemplate.Fits("Development", new Dictionary<string, string?> { [TemplateDocuments.StorageSetting] = "App_Data/other" }).ShouldBeFalse();
        DatabaseTemplate.Fits("Development", new Dictionary<string, string?> { ["Seed:DemoData"] = "false" }).ShouldBeFalse();
    }
}
