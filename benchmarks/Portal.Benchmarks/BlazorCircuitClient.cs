using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Benchmarks;

/// <summary>
/// One browser tab without a browser: opens a real Blazor Server circuit the way blazor.web.js does. It GETs the
/// prerendered page with the sign-in cookie, reads the <c>&lt;!--Blazor:{…}--&gt;</c> markers and the persisted
/// component state, connects to <c>/_blazor</c> over WebSockets with the "blazorpack" protocol (MessagePack under
/// Blazor's name; the hub accepts nothing else), calls <c>StartCircuit</c>, then <c>UpdateRootComponents</c> with an
/// "add" per marker. It acknowledges every render batch (<c>OnRenderCompleted</c>), answers every JS interop call
/// with "done, no value", and clicks by dispatching a browser event through the renderer's interop object
/// (<c>BeginInvokeDotNetFromJS(…, "DispatchEventAsync", …)</c>) with a handler id read from the render batches.
/// It keeps no DOM: the state it holds is the connection, the circuit secret and one handler id.
/// </summary>
internal sealed partial class BlazorCircuitClient(Uri baseUri, string cookieHeader) : IAsyncDisposable
{
    // What a desktop browser answers to the calls whose result the app reads; every other call gets "no value".
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudResizeListener.getBrowserWindowSize"] = """{"width":1440,"height":900}""",
    };

    private static readonly bool Trace = Environment.GetEnvironmentVariable("PORTAL_BENCH_TRACE_JS") == "1";
    private HubConnection? _hub;
    private string? _secret;
    private long _interopObject = 1;
    private long _calls;
    private Func<BatchElement, bool>? _target;
    private Func<byte[], bool>? _ready;
    private HandlerTracker? _handler;
    private bool _follow = true;
    private HandlerTracker[] _trackers = [];
    private TaskCompletionSource<HandlerTracker> _found = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (Func<byte[], bool> Done, TaskCompletionSource Tcs)? _waiting;

    /// <summary>Sees every render batch after it is acknowledged (the probe prints them).</summary>
    public Action<byte[]>? Watch { get; set; }

    /// <summary>The first error the server reported (JS.Error, a failed event dispatch, a closed connection).</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// Opens the circuit for <paramref name="path"/> and waits until a rendered element matches <paramref name="target"/>
    /// and a batch satisfies <paramref name="ready"/> (e.g. the grid's rows arrived); returns that element's click handler id.
    /// </summary>
    /// <param name="follow">
    /// Whether the target's handler id is followed through later batches (<see cref="Track"/>). The reader knows a
    /// changed handler only by its component, so on a page that is one component with many buttons whose handlers
    /// change on every render (the portfolio table), following picks another button's id; such a page keeps the
    /// target's handler the same delegate across renders instead, and its tracker does not follow.
    /// </param>
    public async Task<HandlerTracker> StartAsync(HttpClient http, string path, Func<BatchElement, bool> target, Func<byte[], bool> ready, CancellationToken ct, bool follow = true)
    {
        _target = target;
        _follow = follow;
        _ready = ready;
        var pageUri = new Uri(baseUri, path);
        var html = await http.GetStringAsync(pageUri, ct);
        var (markers, state) = ParsePage(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"No interactive root components on {path}: not signed in?");
        }

        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseUri, "_blazor"), o =>
        {
            o.Headers["Cookie"] = cookieHeader;
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var hub = _hub = builder.Build();
        hub.ServerTimeout = TimeSpan.FromMinutes(5);
        hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args => OnRenderBatchAsync((long)args[0]!, (byte[])args[1]!));
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], args =>
            OnBeginInvokeJSAsync((long)args[0]!, (string)args[1]!, args[2] as string));
        hub.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], args =>
        {
            if (args[1] is false)
            {
                Fail("dispatch failed: " + args[2]);
            }

            return Task.CompletedTask;
        });
        hub.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        hub.On("JS.Error", [typeof(string)], args =>
        {
            Fail("JS.Error: " + args[0]);
            return Task.CompletedTask;
        });
        hub.Closed += ex =>
        {
            Fail("closed" + (ex is null ? "" : ": " + ex.Message));
            return Task.CompletedTask;
        };

        await hub.StartAsync(ct);
        _secret = await hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", "", ct)
            ?? throw new InvalidOperationException("StartCircuit was refused");
        await hub.SendAsync("UpdateRootComponents", Operations(markers), state, ct);
        return await _found.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
    }

    /// <summary>
    /// Clicks the <paramref name="target"/> element and returns the time until a render batch satisfies
    /// <paramref name="done"/> (the interaction's round trip as the browser would see it, less painting).
    /// </summary>
    public async Task<TimeSpan> ClickAsync(HandlerTracker target, Func<byte[], bool> done, CancellationToken ct, TimeSpan? timeout = null)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting = (done, tcs);
        var descriptor = new { eventHandlerId = target.Handler, eventName = "click", eventFieldInfo = (object?)null };
        var mouse = new { detail = 1, screenX = 0, screenY = 0, clientX = 0, clientY = 0, offsetX = 0, offsetY = 0, pageX = 0, pageY = 0, movementX = 0, movementY = 0, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false, type = "click" };
        var started = Stopwatch.GetTimestamp();
        await _hub!.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref _calls).ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, "DispatchEventAsync", _interopObject, JsonSerializer.Serialize(new object[] { descriptor, mouse }), ct);
        await tcs.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30), ct);
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Follows <paramref name="element"/>'s click handler id through later batches (it changes when its component re-renders a new delegate).</summary>
    public HandlerTracker Track(BatchElement element)
    {
        var tracker = new HandlerTracker(element.Component, element.Handlers["onclick"]);
        _trackers = [.. _trackers, tracker];
        return tracker;
    }

    /// <summary>Stops following handlers of elements that are gone (a closed dialog's).</summary>
    public void Untrack(IEnumerable<HandlerTracker> trackers) => _trackers = _trackers.Except(trackers).ToArray();

    /// <summary>Closes the circuit as a closing tab does: the unload beacon to <c>/_blazor/disconnect</c>, then the connection.</summary>
    public async Task CloseAsync(HttpClient http, bool beacon)
    {
        Error ??= "closing";
        if (beacon && _secret is not null)
        {
            using var content = new FormUrlEncodedContent([new("circuitId", _secret)]);
            using var _ = await http.PostAsync(new Uri(baseUri, "_blazor/disconnect"), content);
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is { } hub)
        {
            _hub = null;
            await hub.DisposeAsync();
        }
    }

    /// <summary>The interactive root component markers and the persisted component state of a prerendered page.</summary>
    internal static (List<string> Markers, string State) ParsePage(string html)
    {
        var markers = Marker().Matches(html).Select(m => m.Groups[1].Value)
            .Where(json => json.Contains("\"descriptor\"", StringComparison.Ordinal) && json.Contains("\"type\":\"server\"", StringComparison.Ordinal))
            .ToList();
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        return (markers, state);
    }

    /// <summary>The <c>UpdateRootComponents</c> batch blazor.web.js sends for the first render: one "add" per marker.</summary>
    internal static string Operations(IReadOnlyList<string> markers) => JsonSerializer.Serialize(new
    {
        batchId = 1,
        operations = markers.Select((json, i) => new { type = "add", ssrComponentId = i + 1, marker = JsonDocument.Parse(json).RootElement }),
    });

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        // Acknowledge first, as the browser does after applying: the server holds further batches until then.
        await SendQuietlyAsync("OnRenderCompleted", batchId, null);
        foreach (var tracker in _trackers)
        {
            if (RenderBatchReader.ChangedHandler(batch, tracker.Component, "onclick") is { } changed)
            {
                tracker.Handler = changed;
            }
        }

        if (_target is { } target && RenderBatchReader.Elements(batch).FirstOrDefault(target) is { } element
            && element.Handlers.ContainsKey("onclick"))
        {
            _target = null;
            _handler = _follow ? Track(element) : new HandlerTracker(element.Component, element.Handlers["onclick"]);
        }

        if (_ready is { } ready && ready(batch))
        {
            _ready = null;
        }

        if (_target is null && _ready is null && _handler is not null)
        {
            _found.TrySetResult(_handler);
        }

        if (Watch is { } watch)
        {
            watch(batch);
        }

        if (_waiting is { } waiting && waiting.Done(batch))
        {
            _waiting = null;
            waiting.Tcs.TrySetResult();
        }
    }

    private async Task OnBeginInvokeJSAsync(long handle, string identifier, string? argsJson)
    {
        // The renderer hands blazor.web.js its interop object ({"__dotNetObject":N}); events are dispatched to it.
        if (identifier.Contains("attachWebRendererInterop", StringComparison.Ordinal) && argsJson is not null
            && DotNetObject().Match(argsJson) is { Success: true } id)
        {
            _interopObject = long.Parse(id.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Trace)
        {
            Console.WriteLine($"js {handle} {identifier} {argsJson?[..Math.Min(argsJson.Length, 120)]}");
        }

        if (handle != 0)
        {
            var result = Answers.GetValueOrDefault(identifier, "null");
            await SendQuietlyAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
        }
    }

    private async Task SendQuietlyAsync(string method, params object?[] args)
    {
        try
        {
            if (_hub is { } hub)
            {
                await hub.SendCoreAsync(method, args);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            Fail(ex.Message);
        }
    }

    private void Fail(string message)
    {
        Error ??= message;
        _found.TrySetException(new InvalidOperationException(message));
        (_waiting?.Tcs)?.TrySetException(new InvalidOperationException(message));
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();

    [GeneratedRegex(@"""__dotNetObject""\s*:\s*(\d+)")]
    private static partial Regex DotNetObject();

    /// <summary>An element's current click handler id, and the component whose diffs change it.</summary>
    public sealed class HandlerTracker(int component, ulong handler)
    {
        public int Component { get; } = component;

        public ulong Handler { get; set; } = handler;
    }

    /// <summary>Blazor's hub speaks only "blazorpack": SignalR's MessagePack protocol under another name.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => TransferFormat.Binary;

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}
