using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;

#pragma warning disable BL0006 // reads the framework's frames: a diagnostic

namespace Portal.Benchmarks;

/// <summary>
/// What the open circuits' components hold in render-tree frames, by component type (<c>--hold ... --frames</c>).
/// Every component keeps two builders (the tree on screen and the one built next), each with a pooled frame array
/// sized to a power of two at its high-water mark, so a component's frames are what a circuit pays per component.
/// Read by reflection from the framework's internals (CircuitRegistry, Renderer, ComponentState): a diagnostic only.
/// </summary>
internal static class CircuitFrames
{
    private const BindingFlags Any = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static void Print(IServiceProvider services)
    {
        var registryType = Type.GetType("Microsoft.AspNetCore.Components.Server.Circuits.CircuitRegistry, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        var registry = services.GetService(registryType) ?? throw new InvalidOperationException("no CircuitRegistry");
        var circuits = ((IDictionary)registryType.GetProperty("ConnectedCircuits", Any)!.GetValue(registry)!).Values.Cast<object>().ToList();
        var frameSize = Unsafe.SizeOf<RenderTreeFrame>();
        var byType = new Dictionary<string, (int Count, long Frames, long Used)>();
        foreach (var host in circuits)
        {
            var renderer = host.GetType().GetProperty("Renderer", Any)!.GetValue(host)!;
            var states = (IDictionary)FindField(renderer.GetType(), "_componentStateById").GetValue(renderer)!;
            var batch = FindField(renderer.GetType(), "_batchBuilder").GetValue(renderer)!;
            foreach (var field in AllFields(batch.GetType()))
            {
                if (field.GetValue(batch) is not { } value || !value.GetType().Name.StartsWith("ArrayBuilder", StringComparison.Ordinal)) continue;
                var items = (Array?)FindField(value.GetType(), "_items").GetValue(value);
                var size = items is null ? 0 : items.Length * (long)SizeOf(items.GetType().GetElementType()!);
                var key = "batch " + field.Name;
                var (c, f, u) = byType.GetValueOrDefault(key);
                byType[key] = (c + 1, f + (items?.Length ?? 0), u + size);
            }

            foreach (var state in states.Values)
            {
                var component = state!.GetType().GetProperty("Component", Any)!.GetValue(state)!;
                long capacity = 0, used = 0;
                foreach (var field in AllFields(state.GetType()))
                {
                    var value = field.GetValue(state);
                    var entries = field.FieldType.Name == "RenderTreeBuilder" && value is not null
                        ? FindField(value.GetType(), "_entries").GetValue(value)
                        : field.FieldType.Name.StartsWith("ArrayBuilder", StringComparison.Ordinal) ? value : null;
                    if (entries is null) continue;
                    var items = (Array?)FindField(entries.GetType(), "_items").GetValue(entries);
                    capacity += items?.Length ?? 0;
                    used += (int)FindField(entries.GetType(), "_itemsInUse").GetValue(entries)!;
                }

                var name = component.GetType().Name;
                var (c, f, u) = byType.GetValueOrDefault(name);
                byType[name] = (c + 1, f + capacity, u + used);
            }
        }

        var n = Math.Max(1, circuits.Count);
        Console.WriteLine($"frames held by {circuits.Count} circuits ({frameSize} bytes a frame), per circuit:");
        foreach (var (name, (count, items, bytes)) in byType.Where(p => p.Key.StartsWith("batch ", StringComparison.Ordinal) && p.Value.Used > 0))
            Console.WriteLine($"  {bytes / 1024.0 / n,8:F1} KB {name} (capacity {items / count})");
        foreach (var (name, (count, frames, used)) in byType.Where(p => !p.Key.StartsWith("batch ", StringComparison.Ordinal)).OrderByDescending(p => p.Value.Frames))
            Console.WriteLine($"  {frames * frameSize / 1024.0 / n,8:F1} KB {count / (double)n,5:F1} × {name} (capacity {frames / count}, in use {used / count})");
        var components = byType.Where(p => !p.Key.StartsWith("batch ", StringComparison.Ordinal)).Select(p => p.Value).ToList();
        Console.WriteLine($"  {components.Sum(v => v.Frames) * frameSize / 1024.0 / n,8:F1} KB in the components' frames, {components.Sum(v => v.Count) / (double)n:F1} components");
        if (circuits.Count > 0) PrintLargestTree(circuits[0]);
    }

    // What the first circuit's largest tree is made of: frames by kind, and the elements that take most frames
    // (each element with its attributes), to see where a page's frames go.
    private static void PrintLargestTree(object host)
    {
        var renderer = host.GetType().GetProperty("Renderer", Any)!.GetValue(host)!;
        var states = (IDictionary)FindField(renderer.GetType(), "_componentStateById").GetValue(renderer)!;
        var (name, frames) = states.Values.Cast<object>()
            .Select(state => (Name: state.GetType().GetProperty("Component", Any)!.GetValue(state)!.GetType().Name,
                Frames: ((RenderTreeBuilder)state.GetType().GetProperty("CurrentRenderTree", Any)!.GetValue(state)!).GetFrames()))
            .MaxBy(t => t.Frames.Count);
        var span = frames.Array.AsSpan(0, frames.Count);
        Console.WriteLine($"largest tree: {name}, {frames.Count} frames: "
            + string.Join(", ", span.ToArray().GroupBy(f => f.FrameType).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        var elements = new Dictionary<string, (int Count, int Frames)>();
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].FrameType != RenderTreeFrameType.Element) continue;
            var attributes = 0;
            while (i + 1 + attributes < span.Length && span[i + 1 + attributes].FrameType == RenderTreeFrameType.Attribute) attributes++;
            var key = span[i].ElementName + (i + 1 < span.Length && span[i + 1].FrameType == RenderTreeFrameType.Attribute && span[i + 1].AttributeName == "class" ? "." + (span[i + 1].AttributeValue as string ?? "").Split(' ')[0] : "");
            var (c, f) = elements.GetValueOrDefault(key);
            elements[key] = (c + 1, f + 1 + attributes);
        }

        Console.WriteLine("  elements by frames (with their attributes): "
            + string.Join(", ", elements.OrderByDescending(p => p.Value.Frames).Take(12).Select(p => $"{p.Key} {p.Value.Count}×={p.Value.Frames}")));
    }

    private static int SizeOf(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

    private static IEnumerable<FieldInfo> AllFields(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            foreach (var field in t.GetFields(Any | BindingFlags.DeclaredOnly)) yield return field;
    }

    private static FieldInfo FindField(Type type, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.GetField(name, Any) is { } field) return field;
        throw new MissingFieldException(type.Name, name);
    }
}
