using System.Buffers.Binary;
using System.IO.Compression;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Whether a PNG is whole: every chunk's CRC right, a valid header first, a palette where one is needed,
/// pixel data that inflates to exactly the image's rows, and nothing after IEND.
/// </summary>
internal static class PngInspector
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private const long MaxPixels = 100_000_000;

    private readonly record struct Header(int Width, int Height, int BitDepth, int ColorType, int Interlace);

    public static bool IsWhole(ReadOnlySpan<byte> data)
    {
        var position = Signature.Length;
        if (!TryReadChunk(data, ref position, out var type, out var body) || !type.SequenceEqual("IHDR"u8) || !TryReadHeader(body, out var header))
        {
            return false;
        }

        var sawPalette = false;
        using var idat = new MemoryStream();
        while (TryReadChunk(data, ref position, out type, out body))
        {
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
                return position == data.Length && idat.Length > 0 && (header.ColorType != 3 || sawPalette) && Inflates(idat, ExpectedImageBytes(header));
            }
        }

        return false;
    }

    /// <summary>Reads the chunk at <paramref name="position"/> and moves past it; false when it is cut short or its CRC is wrong.</summary>
    private static bool TryReadChunk(ReadOnlySpan<byte> data, ref int position, out ReadOnlySpan<byte> type, out ReadOnlySpan<byte> body)
    {
        type = body = default;
        if (position + 12 > data.Length)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position, 4));
        if (length > int.MaxValue || position + 12 + (long)length > data.Length)
        {
            return false;
        }

        type = data.Slice(position + 4, 4);
        body = data.Slice(position + 8, (int)length);
        var crc = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position + 8 + (int)length, 4));
        if (Crc32.Compute(data.Slice(position + 4, 4 + (int)length)) != crc)
        {
            return false;
        }

        position += 12 + (int)length;
        return true;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> body, out Header header)
    {
        header = default;
        if (body.Length != 13)
        {
            return false;
        }

        header = new Header(BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]), body[8], body[9], body[12]);
        return header.Width > 0 && header.Height > 0 && (long)header.Width * header.Height <= MaxPixels
            && body[10] == 0 && body[11] == 0 && header.Interlace <= 1 && ValidDepth(header.ColorType, header.BitDepth);
    }

    private static bool ValidDepth(int colorType, int bitDepth) => colorType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };

    private static long ExpectedImageBytes(Header header)
    {
        var channels = header.ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var bitsPerPixel = channels * header.BitDepth;
        long Rows(long w, long h) => w == 0 || h == 0 ? 0 : h * (1 + ((w * bitsPerPixel) + 7) / 8);
        if (header.Interlace == 0)
        {
            return Rows(header.Width, header.Height);
        }

        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        return passes.Sum(p => Rows((header.Width - p.X + p.Dx - 1) / p.Dx, (header.Height - p.Y + p.Dy - 1) / p.Dy));
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
}
