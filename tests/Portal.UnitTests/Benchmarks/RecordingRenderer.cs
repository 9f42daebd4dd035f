using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portal.UnitTests.Benchmarks;

/// <summary>
/// Blazor's real renderer with no circuit: each batch it produces is written with the server's own
/// <c>RenderBatchWriter</c> (internal to Microsoft.AspNetCore.Components.Server, reached by reflection), so the
/// bytes are exactly what a circuit sends blazor.web.js. If a new framework version moves or changes the writer,
/// these tests fail here, which is the point: the benchmark's reader would need a look too.
/// </summary>
[SuppressMessage("Usage", "BL0006:Do not use RenderTree types", Justification = "A renderer is the only way to get real render batches.")]
internal sealed class RecordingRenderer() : Renderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance)
{
    private static readonly Type WriterType = typeof(CircuitOptions).Assembly
        .GetType("Microsoft.AspNetCore.Components.Server.Circuits.RenderBatchWriter", throwOnError: true)!;

    private static readonly MethodInfo WriteBatch = WriterType.GetMethod("Write", [typeof(RenderBatch).MakeByRefType()])
        ?? throw new MissingMethodException(WriterType.FullName, "Write(in RenderBatch)");

    /// <summary>Each batch as the server would send it, in order.</summary>
    public List<byte[]> Batches { get; } = [];

    /// <summary>Every event handler id the renderer put on an attribute frame, as the in-memory batches hold them.</summary>
    public List<(string Name, ulong Id)> AssignedHandlers { get; } = [];

    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    /// <summary>Renders <paramref name="component"/> as a root component and returns its id.</summary>
    public async Task<int> RenderAsync(IComponent component)
    {
        return await Dispatcher.InvokeAsync(async () =>
        {
            var id = AssignRootComponentId(component);
            await RenderRootComponentAsync(id);
            return id;
        });
    }

    /// <summary>Dispatches a click to <paramref name="handlerId"/>, as the browser would after a click on the element.</summary>
    public Task ClickAsync(ulong handlerId) =>
        Dispatcher.InvokeAsync(() => DispatchEventAsync(handlerId, null, EventArgs.Empty));

    protected override void HandleException(Exception exception) => ExceptionDispatchInfo.Capture(exception).Throw();

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
    {
        // The batch's arrays are reused after this call returns, so it is written out here.
        using var stream = new MemoryStream();
        using (var writer = (IDisposable)Activator.CreateInstance(WriterType, stream, true)!)
        {
            WriteBatch.Invoke(writer, [renderBatch]);
        }

        Batches.Add(stream.ToArray());
        for (var i = 0; i < renderBatch.ReferenceFrames.Count; i++)
        {
            var frame = renderBatch.ReferenceFrames.Array[i];
            if (frame.FrameType == RenderTreeFrameType.Attribute && frame.AttributeEventHandlerId != 0)
            {
                AssignedHandlers.Add((frame.AttributeName, frame.AttributeEventHandlerId));
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The smallest tree the benchmark's circuit client looks for: a button with attributes, an onclick handler and a
/// text, beside a plain paragraph. <see cref="ReplaceHandlerAsync"/> re-renders with a new delegate, as a page does
/// when a row's button gets a fresh lambda.
/// </summary>
internal sealed class SaveButton : ComponentBase
{
    private Action _onClick;

    public SaveButton() => _onClick = () => FirstClicks++;

    public int FirstClicks { get; private set; }

    public int SecondClicks { get; private set; }

    public Task ReplaceHandlerAsync(Dispatcher dispatcher) => dispatcher.InvokeAsync(() =>
    {
        _onClick = () => SecondClicks++;
        StateHasChanged();
    });

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddContent(1, "Saved drafts: 2");
        builder.CloseElement();
        builder.OpenElement(2, "button");
        builder.AddAttribute(3, "class", "mud-button-root save");
        builder.AddAttribute(4, "data-testid", "save-plan");
        builder.AddAttribute(5, "onclick", EventCallback.Factory.Create(this, _onClick));
        builder.AddContent(6, "Save plan 保存");
        builder.CloseElement();
    }
}
