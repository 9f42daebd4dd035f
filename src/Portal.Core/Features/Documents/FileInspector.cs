namespace Portal.Core.Features.Documents;

/// <summary>The kinds of file the portal accepts, decided from the content only.</summary>
public enum FileKind
{
    Pdf,
    Jpeg,
    Png,
    WebP,
}

/// <summary>What <see cref="FileInspector"/> found: a kind, or the resource key of why the file is refused.</summary>
public sealed record FileVerdict(FileKind? Kind, string? Refusal)
{
    public static FileVerdict Accept(FileKind kind) => new(kind, null);

    public static FileVerdict Refuse(string key) => new(null, key);

    public string ContentType => Kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.WebP => "image/webp",
        _ => "application/octet-stream",
    };
}

/// <summary>
/// Decides a file's type by its content (magic bytes), never by its name or the browser's claim, and
/// checks that the file is whole: a PNG must inflate to exactly its pixel rows with every chunk's CRC
/// right, a JPEG must walk from SOI through its frame and scan to EOI, a WebP's RIFF sizes must add up
/// to an image chunk, a PDF must parse to at least one page without encryption or scripts
/// (<see cref="PngInspector"/>, <see cref="JpegInspector"/>, <see cref="WebPInspector"/>, <see cref="PdfInspector"/>). Anything after the end of the image or document (a polyglot's script) is refused.
/// </summary>
public static class FileInspector
{
    public const string Empty = "Upload_Empty";
    public const string Unsupported = "Upload_Unsupported";
    public const string Damaged = "Upload_Damaged";

    public static FileVerdict Inspect(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return FileVerdict.Refuse(Empty);
        }

        if (data.StartsWith(PngInspector.Signature))
        {
            return Whole(FileKind.Png, PngInspector.IsWhole(data));
        }

        if (JpegInspector.IsStart(data))
        {
            return Whole(FileKind.Jpeg, JpegInspector.IsWhole(data));
        }

        if (WebPInspector.IsStart(data))
        {
            return Whole(FileKind.WebP, WebPInspector.IsWhole(data));
        }

        if (data.StartsWith("%PDF-"u8))
        {
            return PdfInspector.Refusal(data) is { } refusal ? FileVerdict.Refuse(refusal) : FileVerdict.Accept(FileKind.Pdf);
        }

        return FileVerdict.Refuse(Unsupported);
    }

    private static FileVerdict Whole(FileKind kind, bool whole) => whole ? FileVerdict.Accept(kind) : FileVerdict.Refuse(Damaged);
}
