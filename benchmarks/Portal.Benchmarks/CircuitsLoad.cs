using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Portal.Benchmarks;

/// <summary>
/// The load side of <c>-- circuits</c>, run as a child process so the server's memory (in the parent) holds no client
/// state. It reads one command a line on stdin and answers one line starting with <c>@</c> on stdout:
/// <c>open portfolio|journey N</c>, <c>interact SECONDS</c>, <c>close beacon|drop</c>, <c>quit</c>.
/// </summary>
internal static class CircuitsLoad
{
    private const string RowLink = "/ops/brands/pb-";

    /// <summary>A batch that brings a page of grid rows (each row links its brand; a page holds 20).</summary>
    internal static bool HasRows(byte[] batch) => RenderBatchReader.CountStrings(batch, RowLink, 10) >= 10;

    private sealed record Circuit(BlazorCircuitClient Client, bool Journey, BlazorCircuitClient.HandlerTracker Handler);

    public static async Task<int> RunAsync(Uri baseAddress, string staffCookie, string brandCookie)
    {
        using var staffHttp = CircuitProbe.Http(baseAddress, staffCookie);
        using var brandHttp = CircuitProbe.Http(baseAddress, brandCookie);
        var open = new List<Circuit>();
        var journeyCount = 0;
        while (Console.ReadLine() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words.FirstOrDefault())
            {
                case "open":
                    var journey = words[1] == "journey";
                    var watch = Stopwatch.StartNew();
                    var (opened, error) = await OpenAsync(baseAddress, journey ? brandHttp : staffHttp, journey ? brandCookie : staffCookie,
                        journey, int.Parse(words[2], CultureInfo.InvariantCulture), () => Interlocked.Increment(ref journeyCount) - 1);
                    open.AddRange(opened);
                    Reply($"opened {opened.Count} in {watch.Elapsed.TotalSeconds:F1} s, {open.Count} open{(error is null ? "" : "; first error: " + error)}");
                    break;
                case "interact":
                    Reply(await InteractAsync(open, double.Parse(words[1], CultureInfo.InvariantCulture)));
                    break;
                case "close":
                    var beacon = words[1] == "beacon";
                    await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) =>
                        await c.Client.CloseAsync(c.Journey ? brandHttp : staffHttp, beacon));
                    Reply($"closed {open.Count}");
                    open.Clear();
                    journeyCount = 0;
                    break;
                case "quit":
                    Reply("bye");
                    return 0;
                default:
                    Reply("unknown command " + line);
                    break;
            }
        }

        return 0;
    }

    private static void Reply(string text)
    {
        Console.WriteLine("@" + text);
        Console.Out.Flush();
    }

    private static async Task<(List<Circuit> Opened, string? Error)> OpenAsync(
        Uri baseAddress, HttpClient http, string cookie, bool journey, int count, Func<int> nextJourney)
    {
        var opened = new ConcurrentBag<Circuit>();
        string? error = null;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            var client = new BlazorCircuitClient(baseAddress, cookie);
            try
            {
                BlazorCircuitClient.HandlerTracker handler;
                if (journey)
                {
                    // Spread the people over the board's tasks: the n-th circuit changes the (n mod tasks)-th task.
                    var wanted = nextJourney();
                    var seen = 0;
                    handler = await client.StartAsync(http, CircuitsBenchmark.JourneyPath,
                        e => e.Attributes.GetValueOrDefault("aria-label")?.StartsWith("Change the task", StringComparison.Ordinal) == true && seen++ == wanted % 10,
                        _ => true, ct);
                }
                else
                {
                    handler = await client.StartAsync(http, CircuitsBenchmark.PortfolioPath,
                        e => e.Attributes.GetValueOrDefault("aria-label") == "Next page", HasRows, ct, follow: false);
                }

                opened.Add(new Circuit(client, journey, handler));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error ??= client.Error ?? ex.Message;
                await client.DisposeAsync();
            }
        });
        return (opened.ToList(), error);
    }

    /// <summary>
    /// Every open circuit acts once, the start times spread evenly over <paramref name="seconds"/> (people who act once in
    /// that time on average): a portfolio circuit moves its grid to the next page (click → the batch with the new rows);
    /// a journey circuit changes a task's status (open the dialog, pick the other status, save → the board shows it).
    /// </summary>
    private static async Task<string> InteractAsync(List<Circuit> open, double seconds)
    {
        var page = new ConcurrentBag<double>();
        var dialog = new ConcurrentBag<double>();
        var save = new ConcurrentBag<double>();
        var errors = 0;
        string? firstError = null;
        var random = new Random(17);
        var starts = open.Select(_ => random.NextDouble() * seconds).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(open.Select(async (circuit, i) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(starts[i]));
            try
            {
                if (circuit.Journey)
                {
                    await ChangeTaskAsync(circuit.Client, circuit.Handler, dialog, save);
                }
                else
                {
                    page.Add((await circuit.Client.ClickAsync(circuit.Handler, HasRows, CancellationToken.None)).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.Increment(ref errors);
                firstError ??= circuit.Client.Error ?? ex.GetType().Name + ": " + ex.Message;
            }
        }));
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"in {clock.Elapsed.TotalSeconds:F1} s; "));
        text.Append(Figures("page change", page)).Append("; ").Append(Figures("task dialog", dialog)).Append("; ").Append(Figures("task save", save));
        text.Append(CultureInfo.InvariantCulture, $"; errors {errors}{(firstError is null ? "" : " (" + firstError + ")")}");
        return text.ToString();
    }

    private static async Task ChangeTaskAsync(BlazorCircuitClient client, BlazorCircuitClient.HandlerTracker change, ConcurrentBag<double> dialog, ConcurrentBag<double> save)
    {
        BlazorCircuitClient.HandlerTracker[] radios = [];
        var current = -1;
        BlazorCircuitClient.HandlerTracker? saveButton = null;
        dialog.Add((await client.ClickAsync(change, batch =>
        {
            var elements = RenderBatchReader.Elements(batch);
            var inputs = elements.Where(e => e.Name == "input" && e.Attributes.GetValueOrDefault("type") == "radio").ToList();
            if (inputs.Count < 2)
            {
                return false;
            }

            radios = inputs.Select(client.Track).ToArray();
            current = inputs.FindIndex(e => e.Attributes.ContainsKey("checked"));
            saveButton = client.Track(elements.Last(e => e.Name == "button" && e.Attributes.GetValueOrDefault("class")?.Contains("mud-button-filled-primary", StringComparison.Ordinal) == true));
            return true;
        }, CancellationToken.None)).TotalMilliseconds);

        // NotStarted, InProgress, Done: move between the first two, so the board always shows a change.
        var pick = current == 1 ? 0 : 1;
        await client.ClickAsync(radios[pick], _ => true, CancellationToken.None);
        var label = pick == 1 ? "In progress" : "Not started";
        try
        {
            save.Add((await client.ClickAsync(saveButton!, b => RenderBatchReader.HasString(b, label), CancellationToken.None)).TotalMilliseconds);
        }
        finally
        {
            client.Untrack([.. radios, saveButton!]);
        }
    }

    private static string Figures(string name, ConcurrentBag<double> values)
    {
        if (values.IsEmpty)
        {
            return $"{name}: none";
        }

        var sorted = values.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"{name}: n {sorted.Length} p50 {Rank(sorted, 0.5):F0} ms p95 {Rank(sorted, 0.95):F0} ms max {sorted[^1]:F0} ms");
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    internal static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
