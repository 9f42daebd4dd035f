using System.Buffers.Binary;
using System.Text;

namespace Portal.Benchmarks;

/// <summary>An element of a render batch's reference frames with its attributes, and the event handlers bound to it.</summary>
/// <remarks><see cref="Component"/> is the component whose diff inserted it (-1 if not found): later changes of its handlers come in that component's diffs.</remarks>
internal sealed record BatchElement(string Name, IReadOnlyDictionary<string, string?> Attributes, IReadOnlyDictionary<string, ulong> Handlers, int Component);

/// <summary>
/// Reads the few things a headless circuit client needs out of a Blazor Server render batch, in the binary format
/// the server's RenderBatchWriter writes for blazor.web.js: the reference frames (fixed 20-byte frames: a 4-byte
/// type and 16 bytes of fields) and the string table. Element frames are followed by their attribute frames; an
/// attribute frame holds a name index, a value index and, for event attributes such as <c>onclick</c>, the 8-byte
/// event handler id a click dispatches to. The edits themselves are not applied (no DOM is kept), so a client finds
/// a button by its attributes in the batch that inserted it. Bytes that are not a whole batch (a message cut short)
/// throw <see cref="InvalidDataException"/> naming what is wrong, rather than yielding made-up elements.
/// Tested against Blazor's own writer in tests/Portal.UnitTests/Benchmarks.
/// </summary>
internal static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int ElementFrame = 1;
    private const int AttributeFrame = 3;
    private const int EditSize = 16;
    private const int PrependFrameEdit = 1;
    private const int SetAttributeEdit = 3;

    /// <summary>The elements among the batch's reference frames, each with its attributes and event handler ids.</summary>
    public static List<BatchElement> Elements(ReadOnlySpan<byte> batch)
    {
        var count = Open(batch, out var frames, out var strings);
        var inserted = Inserted(batch, frames);
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

            var owner = inserted.FindIndex(r => r.Start <= i && i < r.End);
            elements.Add(new BatchElement(String(batch, strings, Int(frame, 8)) ?? "", attributes, handlers, owner < 0 ? -1 : inserted[owner].Component));
        }

        return elements;
    }

    /// <summary>Whether any string of the batch (text, markup, attribute value, element name) contains <paramref name="text"/>.</summary>
    public static bool HasString(ReadOnlySpan<byte> batch, string text) => CountStrings(batch, text, 1) > 0;

    /// <summary>How many strings of the batch contain <paramref name="text"/>, counting up to <paramref name="enough"/>.</summary>
    public static int CountStrings(ReadOnlySpan<byte> batch, string text, int enough)
    {
        Open(batch, out _, out var strings);
        var found = 0;
        for (var i = 0; i * 4 < strings.Length && found < enough; i++)
        {
            if (String(batch, strings, i) is { } value && value.Contains(text, StringComparison.Ordinal))
            {
                found++;
            }
        }

        return found;
    }

    /// <summary>
    /// The new <paramref name="eventName"/> handler id a batch gives the element of <paramref name="component"/>, if it
    /// changed (a SetAttribute edit in that component's diff), as when a button's delegate is replaced on re-render.
    /// </summary>
    public static ulong? ChangedHandler(ReadOnlySpan<byte> batch, int component, string eventName)
    {
        var count = Open(batch, out var frames, out var strings);
        ulong? changed = null;
        foreach (var (diff, edits) in Diffs(batch))
        {
            if (Int(batch, diff) != component)
            {
                continue;
            }

            for (var e = 0; e < edits; e++)
            {
                var edit = diff + 8 + e * EditSize;
                var reference = Int(batch, edit + 8);
                if (Int(batch, edit) == SetAttributeEdit && reference < count
                    && String(batch, strings, Int(frames, reference * FrameSize + 4)) == eventName)
                {
                    changed = BinaryPrimitives.ReadUInt64LittleEndian(frames[(reference * FrameSize + 12)..]);
                }
            }
        }

        return changed;
    }

    // Each updated component's diff: its position (component id, edit count, then 16-byte edits) and edit count.
    private static List<(int Position, int Edits)> Diffs(ReadOnlySpan<byte> batch)
    {
        var table = Int(batch, batch.Length - 20);
        var diffs = new List<(int, int)>();
        for (var d = 0; d < Int(batch, table); d++)
        {
            var position = Int(batch, table + 4 + d * 4);
            diffs.Add((position, Int(batch, position + 4)));
        }

        return diffs;
    }

    // The reference frame ranges each component's PrependFrame edits insert (a frame and its subtree).
    private static List<(int Component, int Start, int End)> Inserted(ReadOnlySpan<byte> batch, ReadOnlySpan<byte> frames)
    {
        var ranges = new List<(int, int, int)>();
        foreach (var (diff, edits) in Diffs(batch))
        {
            for (var e = 0; e < edits; e++)
            {
                var edit = diff + 8 + e * EditSize;
                if (Int(batch, edit) == PrependFrameEdit)
                {
                    var reference = Int(batch, edit + 8);
                    var type = Int(frames, reference * FrameSize);
                    var length = type is ElementFrame or 4 or 5 ? Int(frames, reference * FrameSize + 4) : 1;
                    ranges.Add((Int(batch, diff), reference, reference + Math.Max(length, 1)));
                }
            }
        }

        return ranges;
    }

    // The batch ends with five 4-byte offsets: updated components, reference frames, disposed component ids,
    // disposed event handler ids, and the string table's index of string locations (which runs to those offsets).
    // The writer lays the sections out in that order, so a batch whose offsets are out of order, out of range or
    // leave a partial frame is not one (cut short, or not a batch at all): say so instead of reading garbage.
    private static int Open(ReadOnlySpan<byte> batch, out ReadOnlySpan<byte> frames, out ReadOnlySpan<byte> strings)
    {
        var tail = batch.Length - 20;
        if (tail < 16)
        {
            throw Malformed(batch, "too short for its sections and the five offsets it ends with");
        }

        var updatedComponents = Int(batch, tail);
        var referenceFrames = Int(batch, tail + 4);
        var disposedComponents = Int(batch, tail + 8);
        var disposedHandlers = Int(batch, tail + 12);
        var stringTable = Int(batch, tail + 16);
        if (!(0 <= updatedComponents && updatedComponents + 4 <= referenceFrames && referenceFrames + 4 <= disposedComponents
            && disposedComponents + 4 <= disposedHandlers && disposedHandlers + 4 <= stringTable && stringTable <= tail && (tail - stringTable) % 4 == 0))
        {
            throw Malformed(batch, $"section offsets {updatedComponents}, {referenceFrames}, {disposedComponents}, {disposedHandlers}, {stringTable} are out of order or range");
        }

        var diffs = Int(batch, updatedComponents);
        var count = Int(batch, referenceFrames);
        if (diffs < 0 || updatedComponents + 4 + (long)diffs * 4 != referenceFrames || count < 0 || referenceFrames + 4 + (long)count * FrameSize != disposedComponents)
        {
            throw Malformed(batch, $"{diffs} updated components and {count} reference frames do not fill their sections");
        }

        frames = batch.Slice(referenceFrames + 4, count * FrameSize);
        strings = batch[stringTable..tail];
        return count;
    }

    private static InvalidDataException Malformed(ReadOnlySpan<byte> batch, string problem) =>
        new($"Not a complete Blazor render batch ({batch.Length} bytes): {problem}.");

    private static string? String(ReadOnlySpan<byte> batch, ReadOnlySpan<byte> strings, int index)
    {
        if (index < 0 || index * 4 >= strings.Length)
        {
            return null;
        }

        // BinaryWriter.Write(string): a 7-bit encoded byte length, then UTF-8; every string lies before the table.
        var end = batch.Length - 20 - strings.Length;
        var position = Int(strings, index * 4);
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            if (position < 0 || position >= end || shift > 28)
            {
                throw Malformed(batch, $"string {index} starts outside the string data");
            }

            b = batch[position++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        if (length < 0 || length > end - position)
        {
            throw Malformed(batch, $"string {index} runs past the string data");
        }

        return Encoding.UTF8.GetString(batch.Slice(position, length));
    }

    private static int Int(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
}
