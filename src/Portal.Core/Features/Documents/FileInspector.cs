using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

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
/// (<see cref="PdfInspector"/>). Anything after the end of the image or document (a polyglot's script) is refused.
/// </summary>
public static class FileInspector
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public const string Empty = "Upload_Empty";
    public const string Unsupported = "Upload_Unsupported";
    public const string Damaged = "Upload_Damaged";

    public static FileVerdict Inspect(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            return FileVerdict.Refuse(Empty);
        }

        if (data.StartsWith(PngSignature))
        {
            return IsWholePng(data) ? FileVerdict.Accept(FileKind.Png) : FileVerdict.Refuse(Damaged);
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return IsWholeJpeg(data) ? FileVerdict.Accept(FileKind.Jpeg) : FileVerdict.Refuse(Damaged);
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return IsWholeWebP(data) ? FileVerdict.Accept(FileKind.WebP) : FileVerdict.Refuse(Damaged);
        }

        if (data.StartsWith("%PDF-"u8))
        {
            return PdfInspector.Refusal(data) is { } refusal ? FileVerdict.Refuse(refusal) : FileVerdict.Accept(FileKind.Pdf);
        }

        return FileVerdict.Refuse(Unsupported);
    }

    private static bool IsWholePng(ReadOnlySpan<byte> data)
    {
        var position = PngSignature.Length;
        int width = 0, height = 0, bitDepth = 0, colorType = -1, interlace = 0;
        var sawPalette = false;
        using var idat = new MemoryStream();
        var first = true;
        while (true)
        {
            if (position + 12 > data.Length)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position, 4));
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                return false;
            }

            var type = data.Slice(position + 4, 4);
            var body = data.Slice(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position + 8 + (int)length, 4));
            if (Crc32.Compute(data.Slice(position + 4, 4 + (int)length)) != crc)
            {
                return false;
            }

            position += 12 + (int)length;
            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    return false;
                }

                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                bitDepth = body[8];
                colorType = body[9];
                interlace = body[12];
                if (width <= 0 || height <= 0 || (long)width * height > 100_000_000 || body[10] != 0 || body[11] != 0 || interlace > 1 || !ValidDepth(colorType, bitDepth))
                {
                    return false;
                }

                first = false;
                continue;
            }

            if (type.SequenceEqual("PLTE"u8))
            {
                sawPalette = true;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(body);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                // Nothing may follow the end: a script after IEND makes a polyglot.
                return position == data.Length && idat.Length > 0 && (colorType != 3 || sawPalette) && Inflates(idat, ExpectedImageBytes(width, height, bitDepth, colorType, interlace));
            }
        }
    }

    private static bool ValidDepth(int colorType, int bitDepth) => colorType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };

    private static long ExpectedImageBytes(int width, int height, int bitDepth, int colorType, int interlace)
    {
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var bitsPerPixel = channels * bitDepth;
        long Rows(long w, long h) => w == 0 || h == 0 ? 0 : h * (1 + ((w * bitsPerPixel) + 7) / 8);
        if (interlace == 0)
        {
            return Rows(width, height);
        }

        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        return passes.Sum(p => Rows((width - p.X + p.Dx - 1) / p.Dx, (height - p.Y + p.Dy - 1) / p.Dy));
    }

    /// <summary>Decodes the compressed pixel data and checks it holds exactly the image's rows.</summary>
    private static bool Inflates(MemoryStream compressed, long expected)
    {
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > expected)
                {
                    return false;
                }
            }

            return total == expected;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsWholeJpeg(ReadOnlySpan<byte> data)
    {
        var position = 2;
        bool sawFrame = false, sawTables = false, sawScan = false;
        while (position < data.Length)
        {
            if (data[position] != 0xFF)
            {
                return false;
            }

            while (position < data.Length && data[position] == 0xFF)
            {
                position++;
            }

            if (position >= data.Length)
            {
                return false;
            }

            var marker = data[position++];
            if (marker == 0xD9)
            {
                // End of image: it must be the end of the file too.
                return position == data.Length && sawFrame && sawTables && sawScan;
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                continue;
            }

            if (marker == 0xD8 || position + 2 > data.Length)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position, 2));
            if (length < 2 || position + length > data.Length)
            {
                return false;
            }

            var segment = data.Slice(position + 2, length - 2);
            position += length;
            if (marker is 0xC0 or 0xC1 or 0xC2 or 0xC3 or 0xC5 or 0xC6 or 0xC7 or 0xC9 or 0xCA or 0xCB or 0xCD or 0xCE or 0xCF)
            {
                if (segment.Length < 6 || BinaryPrimitives.ReadUInt16BigEndian(segment[1..]) == 0 || BinaryPrimitives.ReadUInt16BigEndian(segment[3..]) == 0 || segment[5] is 0 or > 4 || segment.Length != 6 + (3 * segment[5]))
                {
                    return false;
                }

                sawFrame = true;
            }
            else if (marker == 0xDB)
            {
                sawTables = true;
            }
            else if (marker == 0xDA)
            {
                if (!sawFrame)
                {
                    return false;
                }

                sawScan = true;
                // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
                while (true)
                {
                    var next = data[position..].IndexOf((byte)0xFF);
                    if (next < 0 || position + next + 1 >= data.Length)
                    {
                        return false;
                    }

                    position += next;
                    var following = data[position + 1];
                    if (following == 0x00 || following is >= 0xD0 and <= 0xD7)
                    {
                        position += 2;
                        continue;
                    }

                    if (following == 0xFF)
                    {
                        position++;
                        continue;
                    }

                    break;
                }
            }
        }

        return false;
    }

    private static bool IsWholeWebP(ReadOnlySpan<byte> data)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize + 8L != data.Length)
        {
            return false;
        }

        var position = 12;
        var sawImage = false;
        var first = true;
        while (position < data.Length)
        {
            if (position + 8 > data.Length)
            {
                return false;
            }

            var fourcc = Encoding.ASCII.GetString(data.Slice(position, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            if (position + 8L + size > data.Length)
            {
                return false;
            }

            var body = data.Slice(position + 8, (int)size);
            position += 8 + (int)size + (int)(size & 1);
            switch (fourcc)
            {
                case "VP8L":
                    if (body.Length < 5 || body[0] != 0x2F)
                    {
                        return false;
                    }

                    sawImage = true;
                    break;
                case "VP8 ":
                    if (body.Length < 10 || body[3] != 0x9D || body[4] != 0x01 || body[5] != 0x2A || (BinaryPrimitives.ReadUInt16LittleEndian(body[6..]) & 0x3FFF) == 0 || (BinaryPrimitives.ReadUInt16LittleEndian(body[8..]) & 0x3FFF) == 0)
                    {
                        return false;
                    }

                    sawImage = true;
                    break;
                case "VP8X":
                    if (!first || body.Length < 10)
                    {
                        return false;
                    }

                    break;
                case "ANMF":
                    sawImage = true;
                    break;
                default:
                    if (first)
                    {
                        return false;
                    }

                    break;
            }

            first = false;
        }

        return position == data.Length && sawImage;
    }
}

/// <summary>CRC-32 (ISO 3309, as PNG uses it).</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
