using System.Buffers.Binary;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Whether a JPEG is whole: it walks from SOI through its segments, a valid frame, quantization tables
/// and a scan, to EOI at the very end of the file.
/// </summary>
internal static class JpegInspector
{
    public static bool IsStart(ReadOnlySpan<byte> data) => data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    public static bool IsWhole(ReadOnlySpan<byte> data)
    {
        var position = 2;
        bool sawFrame = false, sawTables = false, sawScan = false;
        while (position < data.Length)
        {
            if (ReadMarker(data, ref position) is not { } marker)
            {
                return false;
            }

            if (marker == 0xD9)
            {
                // End of image: it must be the end of the file too.
                return position == data.Length && sawFrame && sawTables && sawScan;
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                continue;
            }

            if (marker == 0xD8 || !TryReadSegment(data, ref position, out var segment))
            {
                return false;
            }

            if (IsFrame(marker))
            {
                if (!IsValidFrame(segment))
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
                if (!sawFrame || !SkipEntropyCodedData(data, ref position))
                {
                    return false;
                }

                sawScan = true;
            }
        }

        return false;
    }

    /// <summary>The marker at <paramref name="position"/> (after any fill bytes), or null when there is none.</summary>
    private static byte? ReadMarker(ReadOnlySpan<byte> data, ref int position)
    {
        if (data[position] != 0xFF)
        {
            return null;
        }

        while (position < data.Length && data[position] == 0xFF)
        {
            position++;
        }

        return position >= data.Length ? null : data[position++];
    }

    /// <summary>Reads a segment's length-prefixed body and moves past it.</summary>
    private static bool TryReadSegment(ReadOnlySpan<byte> data, ref int position, out ReadOnlySpan<byte> segment)
    {
        segment = default;
        if (position + 2 > data.Length)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position, 2));
        if (length < 2 || position + length > data.Length)
        {
            return false;
        }

        segment = data.Slice(position + 2, length - 2);
        position += length;
        return true;
    }

    private static bool IsFrame(byte marker) =>
        marker is 0xC0 or 0xC1 or 0xC2 or 0xC3 or 0xC5 or 0xC6 or 0xC7 or 0xC9 or 0xCA or 0xCB or 0xCD or 0xCE or 0xCF;

    /// <summary>A frame header: a height and width, one to four components, each described.</summary>
    private static bool IsValidFrame(ReadOnlySpan<byte> segment) =>
        segment.Length >= 6 && BinaryPrimitives.ReadUInt16BigEndian(segment[1..]) != 0 && BinaryPrimitives.ReadUInt16BigEndian(segment[3..]) != 0
        && segment[5] is not (0 or > 4) && segment.Length == 6 + (3 * segment[5]);

    /// <summary>Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.</summary>
    private static bool SkipEntropyCodedData(ReadOnlySpan<byte> data, ref int position)
    {
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

            return true;
        }
    }
}
