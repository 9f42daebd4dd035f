using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Decides whether a file that starts like a PDF is a plain, readable document: PdfPig must parse it
/// to at least one page, it must not be encrypted, no object may carry JavaScript or an action that
/// runs by itself (<c>/JS</c>, <c>/JavaScript</c>, <c>/Launch</c>, an <c>/OpenAction</c> or
/// additional actions <c>/AA</c>), and nothing but whitespace may follow its last <c>%%EOF</c>.
/// Markup that a browser would run as a page (<c>&lt;script</c>, <c>&lt;html</c> …) is refused
/// anywhere in the file. Called by <see cref="FileInspector"/> only; the refusal keys are in
/// <see cref="IntegrityCoreStrings"/>.
/// </summary>
internal static class PdfInspector
{
    public const string Unreadable = "Upload_PdfUnreadable";
    public const string Encrypted = "Upload_PdfEncrypted";
    public const string Active = "Upload_PdfActive";

    /// <summary>Names that make a PDF run something: scripts, and actions that start without a click on a link.</summary>
    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal)
    {
        "JS", "JavaScript", "Launch", "OpenAction", "AA", "RichMedia", "EmbeddedFile", "SubmitForm", "ImportData", "XFA",
    };

    /// <summary>Markup a browser sniffing the bytes would render or run; no real PDF carries it outside a compressed stream.</summary>
    private static readonly string[] Markup = ["<script", "<html", "<!doctype", "<body", "<iframe", "<svg", "<object", "<embed", "javascript:"];

    /// <summary>Null when the PDF is accepted; otherwise the resource key of the refusal.</summary>
    public static string? Refusal(ReadOnlySpan<byte> data)
    {
        if (!HasHeader(data) || !EndsWithTrailer(data))
        {
            return FileInspector.Damaged;
        }

        foreach (var (start, length) in OutsideStreams(data))
        {
            var part = data.Slice(start, length);
            if (HasMarkup(part) || HasActiveName(part))
            {
                return Active;
            }
        }

        try
        {
            using var document = PdfDocument.Open(data.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.IsEncrypted || document.Structure.Trailer.EncryptionToken is not null)
            {
                return Encrypted;
            }

            if (document.NumberOfPages < 1 || document.GetPage(1) is null)
            {
                return Unreadable;
            }

            // Objects inside compressed object streams are not visible to the byte scan above.
            foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                if (IsActive(Resolve(document, reference), depth: 0))
                {
                    return Active;
                }
            }

            return IsActive(document.Structure.Catalog.CatalogDictionary, depth: 0) ? Active : null;
        }
        catch (PdfDocumentEncryptedException)
        {
            return Encrypted;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // PdfPig reports a broken file with many exception types (format, key, index, argument).
            return Unreadable;
        }
    }

    private static IToken? Resolve(PdfDocument document, IndirectReference reference)
    {
        try
        {
            return document.Structure.GetObject(reference)?.Data;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static bool IsActive(IToken? token, int depth)
    {
        if (token is null || depth > 32)
        {
            return false;
        }

        return token switch
        {
            NameToken name => ActiveNames.Contains(name.Data),
            DictionaryToken dictionary => dictionary.Data.Any(pair => ActiveNames.Contains(pair.Key) || IsActive(pair.Value, depth + 1)),
            StreamToken stream => IsActive(stream.StreamDictionary, depth + 1),
            ArrayToken array => array.Data.Any(item => IsActive(item, depth + 1)),
            _ => false,
        };
    }

    private static bool HasHeader(ReadOnlySpan<byte> data) =>
        data.Length >= 16 && data.StartsWith("%PDF-"u8) && char.IsAsciiDigit((char)data[5]) && data[6] == (byte)'.' && char.IsAsciiDigit((char)data[7]);

    /// <summary>A <c>startxref</c> near the end and <c>%%EOF</c> last, followed only by whitespace: nothing rides after the document.</summary>
    private static bool EndsWithTrailer(ReadOnlySpan<byte> data)
    {
        var end = data.Length;
        while (end > 0 && data[end - 1] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0)
        {
            end--;
        }

        var body = data[..end];
        return body.EndsWith("%%EOF"u8) && body[Math.Max(0, body.Length - 2048)..].IndexOf("startxref"u8) >= 0;
    }

    /// <summary>
    /// The parts of the file outside <c>stream … endstream</c> data: the byte scans look only there,
    /// since compressed data holds any byte sequence by chance (PdfPig reads the objects inside streams).
    /// </summary>
    private static List<(int Start, int Length)> OutsideStreams(ReadOnlySpan<byte> data)
    {
        var parts = new List<(int, int)>();
        var position = 0;
        while (position < data.Length)
        {
            var keyword = NextStreamKeyword(data, position);
            if (keyword < 0)
            {
                break;
            }

            parts.Add((position, keyword - position));
            var end = data[keyword..].IndexOf("endstream"u8);
            if (end < 0)
            {
                return parts; // an unterminated stream: PdfPig decides whether the file reads
            }

            position = keyword + end + "endstream"u8.Length;
        }

        parts.Add((position, data.Length - position));
        return parts;
    }

    /// <summary>Where the next <c>stream</c> keyword (followed by an end of line, not part of <c>endstream</c>) starts; -1 when none.</summary>
    private static int NextStreamKeyword(ReadOnlySpan<byte> data, int from)
    {
        while (from < data.Length)
        {
            var found = data[from..].IndexOf("stream"u8);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            var after = at + 6;
            var endOfLine = after < data.Length && data[after] is (byte)'\r' or (byte)'\n';
            var partOfEnd = at >= 3 && data.Slice(at - 3, 3).SequenceEqual("end"u8);
            if (endOfLine && !partOfEnd)
            {
                return at;
            }

            from = after;
        }

        return -1;
    }

    private static bool HasMarkup(ReadOnlySpan<byte> data)
    {
        foreach (var tag in Markup)
        {
            if (IndexOfIgnoreCase(data, Encoding.ASCII.GetBytes(tag)) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> data, byte[] lowerAscii)
    {
        var first = lowerAscii[0];
        for (var i = data.IndexOfAny(first, (byte)char.ToUpperInvariant((char)first)); i >= 0 && i <= data.Length - lowerAscii.Length;)
        {
            var match = true;
            for (var k = 1; k < lowerAscii.Length && match; k++)
            {
                match = (byte)char.ToLowerInvariant((char)data[i + k]) == lowerAscii[k];
            }

            if (match)
            {
                return i;
            }

            var next = data[(i + 1)..].IndexOfAny(first, (byte)char.ToUpperInvariant((char)first));
            i = next < 0 ? -1 : i + 1 + next;
        }

        return -1;
    }

    /// <summary>
    /// Scans the raw bytes for an active name, decoding <c>#xx</c> escapes (<c>/J#53</c> is <c>/JS</c>), so
    /// objects outside the cross-reference table, which a viewer's repair could still find, are seen too.
    /// </summary>
    private static bool HasActiveName(ReadOnlySpan<byte> data)
    {
        var name = new StringBuilder();
        for (var i = data.IndexOf((byte)'/'); i >= 0; )
        {
            name.Clear();
            var k = i + 1;
            while (k < data.Length && IsRegular(data[k]))
            {
                if (data[k] == (byte)'#' && k + 2 < data.Length && IsHex(data[k + 1]) && IsHex(data[k + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(data.Slice(k + 1, 2)), 16));
                    k += 3;
                    continue;
                }

                name.Append((char)data[k]);
                k++;
            }

            if (ActiveNames.Contains(name.ToString()))
            {
                return true;
            }

            var next = data[k..].IndexOf((byte)'/');
            i = next < 0 ? -1 : k + next;
        }

        return false;
    }

    private static bool IsRegular(byte b) =>
        b > 32 && b < 127 && b is not ((byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'%');

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
}
