using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Options;

namespace Portal.Core.Features.Documents;

/// <summary>A file kept by <see cref="DocumentStorage"/>: its SHA-256 (hex), its verified type and its size.</summary>
public sealed record StoredFile(string Hash, string ContentType, long Size);

/// <summary>
/// Keeps uploaded files outside the web root under their SHA-256. A file is written to a temporary
/// name, inspected (<see cref="FileInspector"/>), then moved into place; a refused file leaves nothing behind.
/// </summary>
public sealed class DocumentStorage(
    IOptions<DocumentOptions> options,
    IHostEnvironment environment,
    IStringLocalizer<DocumentStrings> strings,
    IStringLocalizer<IntegrityCoreStrings> integrity)
{
    private const string IncomingFolder = ".incoming";

    /// <summary>The storage folder, resolved against the content root.</summary>
    public string Root => SettingsExtensions.ResolvePath(environment.ContentRootPath, options.Value.StoragePath);

    /// <summary>Reads <paramref name="content"/> up to the size limit, checks it and stores it; the refusal says why, in words.</summary>
    public async Task<Outcome<StoredFile>> StoreAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var max = options.Value.MaxFileBytes;
        var incoming = Path.Combine(Root, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > max)
                    {
                        return Outcome<StoredFile>.Fail(TooLarge(integrity, max));
                    }

                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var verdict = FileInspector.Inspect(await File.ReadAllBytesAsync(temporary, cancellationToken));
            if (verdict.Kind is null)
            {
                var refusal = strings[verdict.Refusal!];
                return Outcome<StoredFile>.Fail(refusal.ResourceNotFound ? integrity[verdict.Refusal!] : refusal);
            }

            var hex = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = PathOf(hex);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            if (!File.Exists(final))
            {
                try
                {
                    File.Move(temporary, final, overwrite: false);
                }
                catch (IOException) when (File.Exists(final))
                {
                    // The same content arrived at the same time; one copy is enough.
                }
            }

            return Outcome<StoredFile>.Success(new StoredFile(hex, verdict.ContentType, size));
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Opens a stored file for reading; null when it is missing.</summary>
    public Stream? Open(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathOf(hash);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    private string PathOf(string hash) => Path.Combine(Root, RelativePathOf(hash));

    /// <summary>Where a file lies under the storage folder: in a folder named by the first two digits of its hash.</summary>
    internal static string RelativePathOf(string hash) => Path.Combine(hash[..2], hash);

    /// <summary>The refusal of a file over <paramref name="maxBytes"/>, naming the limit in MB (the upload form says the same before reading).</summary>
    public static string TooLarge(IStringLocalizer<IntegrityCoreStrings> integrity, long maxBytes) =>
        integrity["Upload_TooLargeLimit", Megabytes(maxBytes)];

    /// <summary>A size in MB as people read it: "10", "2.5", "0.004" for a tiny test limit.</summary>
    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.###", CultureInfo.CurrentCulture);
}

/// <summary>Turns an uploaded file's name into safe display text: no path, no control or direction-override characters, bounded length.</summary>
public static class DisplayNames
{
    public const int MaxLength = 100;

    public static string Clean(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var text = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            text.Append(rune.ToString());
        }

        var clean = text.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            return "document";
        }

        if (clean.Length <= MaxLength)
        {
            return clean;
        }

        var extension = Path.GetExtension(clean);
        extension = extension.Length is > 1 and <= 10 ? extension : "";
        var stem = clean[..(MaxLength - extension.Length - 1)];
        if (char.IsHighSurrogate(stem[^1]))
        {
            stem = stem[..^1];
        }

        return stem + "…" + extension;
    }
}
