using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Documents;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The files the demo seed stored for a template database (<see cref="DatabaseTemplate"/>, <see cref="PostgresTemplate"/>):
/// a host with a document folder of its own (<c>Documents:StoragePath</c>) that starts from the template gets them
/// copied there, so its seeded documents find their files as they would had it seeded itself.
/// </summary>
internal sealed class TemplateDocuments
{
    public const string StorageSetting = "Documents:StoragePath";

    private readonly string _folder;

    private TemplateDocuments(string folder) => _folder = folder;

    /// <summary>Copies into <paramref name="folder"/> the file of every document in the database of <paramref name="app"/>.</summary>
    public static TemplateDocuments Capture(PortalAppFactory app, string folder)
    {
        var root = app.Services.GetRequiredService<DocumentStorage>().Root;
        var hashes = app.WithDbAsync(db => db.Documents.Select(d => d.FileHash).Distinct().ToListAsync()).GetAwaiter().GetResult();
        foreach (var hash in hashes)
        {
            Copy(Path.Combine(root, DocumentStorage.RelativePathOf(hash)), Path.Combine(folder, DocumentStorage.RelativePathOf(hash)));
        }

        return new TemplateDocuments(folder);
    }

    /// <summary>Whether <paramref name="value"/>, a host's document folder, can receive the template's files: an absolute path.</summary>
    public static bool Fits(string? value) => !string.IsNullOrWhiteSpace(value) && Path.IsPathFullyQualified(value);

    /// <summary>Copies the files into the host's own document folder, when its settings name one.</summary>
    public void CopyFor(IDictionary<string, string?>? settings)
    {
        // Looked up as configuration does, whatever the key's case.
        var storage = settings?.FirstOrDefault(s => s.Key.Equals(StorageSetting, StringComparison.OrdinalIgnoreCase)).Value;
        if (!Fits(storage))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories))
        {
            Copy(file, Path.Combine(storage!, Path.GetRelativePath(_folder, file)));
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }
}
