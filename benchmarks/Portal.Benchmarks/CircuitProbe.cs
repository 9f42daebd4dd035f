using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Benchmarks;

/// <summary>Sign-in for circuit clients, and a probe that prints what one circuit renders (to pick click targets).</summary>
internal static partial class CircuitProbe
{
    /// <summary>Signs in through the login form and returns the Cookie header a browser would then send.</summary>
    public static async Task<string> CookieAsync(Uri baseAddress, string email, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress };
        var html = await client.GetStringAsync("/Account/Login");
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }

        return cookies.GetCookieHeader(baseAddress);
    }

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

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
