using Portal.Benchmarks;

namespace Portal.UnitTests.Benchmarks;

/// <summary>
/// The circuit benchmarks' <see cref="RenderBatchReader"/> (linked from benchmarks/Portal.Benchmarks) on batches
/// Blazor's renderer and writer really produce (<see cref="RecordingRenderer"/>): no host, no database, no network,
/// milliseconds. A reader that misread the format would send the benchmark's clicks to the wrong handler, or to none.
/// </summary>
public sealed class RenderBatchReaderTests
{
    [Fact]
    public async Task RenderBatchReader_FirstRender_FindsTheButtonItsAttributesAndItsClickHandler()
    {
        var renderer = new RecordingRenderer();
        var component = new SaveButton();
        var componentId = await renderer.RenderAsync(component);

        var elements = RenderBatchReader.Elements(renderer.Batches.Single());

        elements.Select(e => e.Name).ShouldBe(new[] { "p", "button" });
        var button = elements[1];
        button.Attributes.ShouldBe(new Dictionary<string, string?> { ["class"] = "mud-button-root save", ["data-testid"] = "save-plan" }, ignoreOrder: true);
        button.Handlers.Keys.ShouldBe(new[] { "onclick" });
        button.Handlers["onclick"].ShouldBe(renderer.AssignedHandlers.Single(h => h.Name == "onclick").Id);
        button.Component.ShouldBe(componentId);
        elements[0].Attributes.ShouldBeEmpty();
        elements[0].Handlers.ShouldBeEmpty();

        // The id the reader found is the one a click dispatches to.
        await renderer.ClickAsync(button.Handlers["onclick"]);
        component.FirstClicks.ShouldBe(1);
    }

    [Fact]
    public async Task RenderBatchReader_TextsInTheBatch_AreFoundAndCounted()
    {
        var renderer = new RecordingRenderer();
        await renderer.RenderAsync(new SaveButton());
        var batch = renderer.Batches.Single();

        RenderBatchReader.HasString(batch, "保存").ShouldBeTrue();
        RenderBatchReader.HasString(batch, "Saved drafts").ShouldBeTrue();
        RenderBatchReader.HasString(batch, "save-plan").ShouldBeTrue();
        RenderBatchReader.HasString(batch, "Delete").ShouldBeFalse();
        // "save" is in the class and the test id ("Save plan" differs in case): two strings, however many are enough.
        RenderBatchReader.CountStrings(batch, "save", 10).ShouldBe(2);
        RenderBatchReader.CountStrings(batch, "save", 1).ShouldBe(1);
    }

    [Fact]
    public async Task RenderBatchReader_HandlerReplacedOnRerender_GivesTheNewHandlerId()
    {
        var renderer = new RecordingRenderer();
        var component = new SaveButton();
        var componentId = await renderer.RenderAsync(component);
        var first = RenderBatchReader.Elements(renderer.Batches[0]).Single(e => e.Name == "button").Handlers["onclick"];

        await component.ReplaceHandlerAsync(renderer.Dispatcher);
        var rerender = renderer.Batches[^1];

        renderer.Batches.Count.ShouldBe(2);
        var changed = RenderBatchReader.ChangedHandler(rerender, componentId, "onclick");
        changed.ShouldNotBeNull();
        changed.Value.ShouldNotBe(first);
        changed.Value.ShouldBe(renderer.AssignedHandlers[^1].Id);
        RenderBatchReader.ChangedHandler(rerender, componentId + 1, "onclick").ShouldBeNull();
        RenderBatchReader.ChangedHandler(rerender, componentId, "onchange").ShouldBeNull();
        RenderBatchReader.ChangedHandler(renderer.Batches[0], componentId, "onclick").ShouldBeNull();

        await renderer.ClickAsync(changed.Value);
        (component.FirstClicks, component.SecondClicks).ShouldBe((0, 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20)]
    public async Task RenderBatchReader_BatchCutShort_ThrowsInvalidData(int missingBytes)
    {
        var renderer = new RecordingRenderer();
        await renderer.RenderAsync(new SaveButton());
        var batch = renderer.Batches.Single();
        var cut = batch[..^missingBytes];

        Should.Throw<InvalidDataException>(() => RenderBatchReader.Elements(cut)).Message.ShouldStartWith("Not a complete Blazor render batch");
        Should.Throw<InvalidDataException>(() => RenderBatchReader.HasString(cut, "Save"));
        Should.Throw<InvalidDataException>(() => RenderBatchReader.ChangedHandler(cut, 0, "onclick"));
    }

    [Fact]
    public void RenderBatchReader_BytesThatAreNoBatch_ThrowInvalidData()
    {
        Should.Throw<InvalidDataException>(() => RenderBatchReader.Elements([])).Message.ShouldContain("0 bytes");
        Should.Throw<InvalidDataException>(() => RenderBatchReader.Elements(new byte[64]));
        Should.Throw<InvalidDataException>(() => RenderBatchReader.Elements("{\"type\":1,\"target\":\"ComponentHub\"}"u8.ToArray()));
    }

    [Fact]
    public async Task RenderBatchReader_StringLocationPointingOutside_ThrowsInvalidData()
    {
        var renderer = new RecordingRenderer();
        await renderer.RenderAsync(new SaveButton());
        var batch = renderer.Batches.Single();
        // The first entry of the string locations (the table starts at the fifth offset) now points past the end.
        var table = BitConverter.ToInt32(batch, batch.Length - 4);
        BitConverter.TryWriteBytes(batch.AsSpan(table), batch.Length + 100).ShouldBeTrue();

        Should.Throw<InvalidDataException>(() => RenderBatchReader.Elements(batch)).Message.ShouldContain("string 0");
    }
}
