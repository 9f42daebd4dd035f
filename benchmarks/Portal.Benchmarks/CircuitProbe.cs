
namespace Portal.Benchmarks;

/// <summary>HTTP for circuit clients, and a probe that prints what one circuit renders (to pick click targets).</summary>
internal static class CircuitProbe
{
    /// <summary>A client sending <paramref name="cookie"/> with every request, as the tabs of one signed-in person do.</summary>
    public static HttpClient Http(Uri baseAddress, string cookie)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 32 }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>
    /// Opens one circuit on <paramref name="path"/>, prints every element with an event handler in its batches, then
    /// clicks the first element matching <paramref name="click"/> and prints what the next batches bring.
    /// </summary>
    public static async Task PrintAsync(Uri baseAddress, string cookie, string path, Func<BatchElement, bool> click, Func<byte[], bool> ready)
    {
        using var http = Http(baseAddress, cookie);
        await using var client = new BlazorCircuitClient(baseAddress, cookie);
        client.Watch = batch =>
        {
            foreach (var element in RenderBatchReader.Elements(batch).Where(e => e.Handlers.Count > 0 || e.Name == "input"))
            {
                var line = $"<{element.Name} {string.Join(' ', element.Attributes.Select(a => $"{a.Key}=\"{a.Value}\""))}> {string.Join(' ', element.Handlers.Select(h => $"{h.Key}#{h.Value}"))}";
                Console.WriteLine(line.Length > 300 ? line[..300] : line);
            }

            Console.WriteLine($"-- batch of {batch.Length} bytes");
        };
        var handler = await client.StartAsync(http, path, click, ready, CancellationToken.None);
        Console.WriteLine($"== clicking #{handler.Handler} of component {handler.Component}");
        try
        {
            await client.ClickAsync(handler, _ => false, CancellationToken.None, TimeSpan.FromSeconds(3));
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"(error: {client.Error ?? "none"})");
        }
    }

}
