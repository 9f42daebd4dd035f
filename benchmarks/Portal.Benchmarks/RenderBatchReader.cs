using System.Buffers.Binary;
using System.Text;

namespace Portal.Benchmarks;

/// <summary>An element of a render batch's reference frames with its attributes, and the event handlers bound to it.</summary>
internal sealed record BatchElement(string Name, IReadOnlyDictionary<string, string?> Attributes, IReadOnlyDictionary<string, ulong> Handlers);

/// <summary>
/// Reads the few things a headless circuit client needs out of a Blazor Server render batch, in the binary format
/// the server's RenderBatchWriter writes for blazor.web.js: the reference frames (fixed 20-byte frames: a 4-byte
/// type and 16 bytes of fields) and the string table. Element frames are followed by their attribute frames; an
/// attribute frame holds a name index, a value index and, for event attributes such as <c>onclick</c>, the 8-byte
/// event handler id a click dispatches to. The edits themselves are not applied (no DOM is kept), so a client finds
/// a button by its attributes in the batch that inserted it.
/// </summary>
internal static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;

    /// <summary>The elements among the batch's reference frames, each with its attributes and event handler ids.</summary>
    public static List<BatchElement> Elements(ReadOnlySpan<byte> batch)
    {
        var count = Open(batch, out var frames, out var strings);
        var elements = new List<BatchElement>();
        for (var i = 0; i < count; i++)
        {
            var frame = frames.Slice(i * FrameSize, FrameSize);
            if (Int(frame, 0) != ElementFrame)
            {
                continue;
            }

            var attributes = new Dictionary<string, string?>(StringComparer.Ordinal);
            var handlers = new Dictionary<string, ulong>(StringComparer.Ordinal);
            for (var j = i + 1; j < count && Int(frames, j * FrameSize) == AttributeFrame; j++)
            {
                var attribute = frames.Slice(j * FrameSize, FrameSize);
                var name = String(batch, strings, Int(attribute, 4)) ?? "";
                var handler = BinaryPrimitives.ReadUInt64LittleEndian(attribute[12..]);
                if (handler != 0)
                {
                    handlers[name] = handler;
                }
                else
                {
                    attributes[name] = String(batch, strings, Int(attribute, 8));
                }
            }

            elements.Add(new BatchElement(String(batch, strings, Int(frame, 8)) ?? "", attributes, handlers));
        }

        return elements;
    }

    /// <summary>Whether any string of the batch (text, markup, attribute value, element name) contains <paramref name="text"/>.</summary>
    public static bool HasString(ReadOnlySpan<byte> batch, string text)
    {
        Open(batch, out _, out var strings);
        for (var i = 0; i * 4 < strings.Length; i++)
        {
            if (String(batch, strings, i) is { } value && value.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The batch ends with five 4-byte offsets: updated components, reference frames, disposed component ids,
    // disposed event handler ids, and the string table's index of string locations (which runs to those offsets).
    private static int Open(ReadOnlySpan<byte> batch, out ReadOnlySpan<byte> frames, out ReadOnlySpan<byte> strings)
    {
        var tail = batch.Length - 20;
        var referenceFrames = Int(batch, tail + 4);
        var stringTable = Int(batch, tail + 16);
        var count = Int(batch, referenceFrames);
        frames = batch.Slice(referenceFrames + 4, count * FrameSize);
        strings = batch[stringTable..tail];
        return count;
    }

    private static string? String(ReadOnlySpan<byte> batch, ReadOnlySpan<byte> strings, int index)
    {
        if (index < 0 || index * 4 >= strings.Length)
        {
            return null;
        }

        // BinaryWriter.Write(string): a 7-bit encoded byte length, then UTF-8.
        var position = Int(strings, index * 4);
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = batch[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(batch.Slice(position, length));
    }

    private static int Int(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
}
