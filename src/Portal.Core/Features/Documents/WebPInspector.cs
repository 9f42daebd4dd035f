using System.Buffers.Binary;
using System.Text;

namespace Portal.Core.Features.Documents;

/// <summary>
/// Whether a WebP is whole: the RIFF size is the file's, its chunks add up to it exactly, and one of them
/// is an image (lossy, lossless or an animation frame).
/// </summary>
internal static class WebPInspector
{
    public static bool IsStart(ReadOnlySpan<byte> data) => data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8);

    public static bool IsWhole(ReadOnlySpan<byte> data)
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
            switch (Chunk(fourcc, body, first))
            {
                case ChunkKind.Invalid:
                    return false;
                case ChunkKind.Image:
                    sawImage = true;
                    break;
            }

            first = false;
        }

        return position == data.Length && sawImage;
    }

    private enum ChunkKind
    {
        Invalid,
        Image,
        Other,
    }

    /// <summary>What a chunk is: an image, something else allowed where it stands, or invalid.</summary>
    private static ChunkKind Chunk(string fourcc, ReadOnlySpan<byte> body, bool first) => fourcc switch
    {
        "VP8L" => body.Length >= 5 && body[0] == 0x2F ? ChunkKind.Image : ChunkKind.Invalid,
        "VP8 " => IsLossyFrame(body) ? ChunkKind.Image : ChunkKind.Invalid,
        "VP8X" => first && body.Length >= 10 ? ChunkKind.Other : ChunkKind.Invalid,
        "ANMF" => ChunkKind.Image,
        // A file must open with an image or the extended header.
        _ => first ? ChunkKind.Invalid : ChunkKind.Other,
    };

    /// <summary>A lossy frame's start code and a non-zero width and height.</summary>
    private static bool IsLossyFrame(ReadOnlySpan<byte> body) =>
        body.Length >= 10 && body[3] == 0x9D && body[4] == 0x01 && body[5] == 0x2A
        && (BinaryPrimitives.ReadUInt16LittleEndian(body[6..]) & 0x3FFF) != 0 && (BinaryPrimitives.ReadUInt16LittleEndian(body[8..]) & 0x3FFF) != 0;
}
