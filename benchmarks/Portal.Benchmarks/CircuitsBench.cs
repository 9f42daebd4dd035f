using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks;

/// <summary>
/// Runs the circuits benchmark (<c>-- circuits [--quick] [--probe]</c>): the app in this process (Kestrel on loopback,
/// the portfolio seeded), real Blazor Server circuits opened by <see cref="CircuitsLoad"/> in a child process, and the
/// server's memory read here after forced full collections, so no client state is counted.
/// </summary>
internal static class CircuitsBenchmark
{
    public const string StaffEmail = "ska@demo.test";
    public const string BrandEmail = "brand@demo.test";
    public const string Password = "Portal!2026";
    public const string JourneyPath = "/brands/demo-tea/journey";
    public const string PortfolioPath = "/ops/portfolio";

    private static readonly TimeSpan Retention = TimeSpan.FromSeconds(20);

    private sealed record Sizes(int Brands, int Idle, int[] Levels, int Growth, int Dropped, double Window)
    {
        public static Sizes Full { get; } = new(1_000, 500, [500, 1_000, 2_000], 1_000, 300, 30);

        public static Sizes Quick { get; } = new(200, 50, [50, 100, 200], 100, 50, 10);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var sizes = quick ? Sizes.Quick : Sizes.Full;
        var started = Stopwatch.StartNew();
        Console.WriteLine($"Portal circuits benchmark ({(quick ? "quick" : "full")}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {LoadAverage()}");
        // Circuits whose connection dropped (or raced the beacon) are kept for reconnection; a short period lets the
        // run see them go instead of waiting the 3 minutes of Circuits:DisconnectedRetentionPeriod.
        Environment.SetEnvironmentVariable("Circuits__DisconnectedRetentionPeriod", Retention.ToString());
        await using var bench = await PortfolioBench.StartAsync();
        await bench.SeedAsync(sizes.Brands);
        var staff = await LoadRunner.CookieHeaderAsync(bench.BaseAddress, StaffEmail, Password);
        var brand = await LoadRunner.CookieHeaderAsync(bench.BaseAddress, BrandEmail, Password);
        Console.WriteLine($"app at {bench.BaseAddress} (server GC: {System.Runtime.GCSettings.IsServerGC}), {sizes.Brands:N0} portfolio brands; staff {StaffEmail} on {PortfolioPath}, brand manager {BrandEmail} on {JourneyPath}");
        if (args.Contains("--probe"))
        {
            Console.WriteLine("== portfolio ==");
            await CircuitProbe.PrintAsync(bench.BaseAddress, staff, PortfolioPath, e => e.Attributes.GetValueOrDefault("aria-label") == "Next page", CircuitsLoad.HasRows);
            Console.WriteLine("== journey ==");
            await CircuitProbe.PrintAsync(bench.BaseAddress, brand, JourneyPath, e => e.Attributes.GetValueOrDefault("aria-label")?.StartsWith("Change the task", StringComparison.Ordinal) == true, _ => true);
            return 0;
        }

        using var load = LoadProcess.Start(bench.BaseAddress, staff, brand);
        if (Array.IndexOf(args, "--hold") is var hold and >= 0)
        {
            var wait = args.Length > hold + 3 && int.TryParse(args[hold + 3], CultureInfo.InvariantCulture, out var seconds) ? seconds : 60;
            await HoldAsync(load, bench, args.Contains("--frames"), args.Contains("--acted"), args[hold + 1], int.Parse(args[hold + 2], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(wait));
            return 0;
        }

        Console.WriteLine("warm-up: " + await load.AskAsync("open portfolio 10") + " | " + await load.AskAsync("open journey 10"));
        Console.WriteLine("         " + await load.AskAsync("interact 2") + " | " + await load.AskAsync("close beacon"));

        Console.WriteLine();
        Console.WriteLine($"== Memory per idle circuit ({sizes.Idle} circuits each; server process, after forced full GCs) ==");
        foreach (var kind in new[] { "portfolio", "journey" })
        {
            var before = await ServerMemory.SettleAsync();
            var opened = await load.AskAsync($"open {kind} {sizes.Idle}");
            var after = await ServerMemory.SettleAsync();
            Console.WriteLine($"{kind,-10} {ServerMemory.PerCircuit(before, after, sizes.Idle)}   ({opened})");
            await load.AskAsync("close beacon");
        }

        Console.WriteLine();
        Console.WriteLine($"== Growth: {sizes.Growth:N0} circuits opened, used once and closed (the unload beacon, as a closing tab sends) ==");
        var baseline = await ServerMemory.SettleAsync();
        await load.AskAsync($"open portfolio {sizes.Growth / 2}");
        await load.AskAsync($"open journey {sizes.Growth / 2}");
        Console.WriteLine("used:   " + await load.AskAsync($"interact {sizes.Window / 2}"));
        await load.AskAsync("close beacon");
        // The beacon ends each circuit in the background, and a circuit whose connection closed first waits out the retention.
        await Task.Delay(Retention + TimeSpan.FromSeconds(5));
        var afterGrowth = await ServerMemory.SettleAsync();
        Console.WriteLine($"before {baseline}; after {afterGrowth}; growth managed {(afterGrowth.Managed - baseline.Managed) / 1024.0:N0} KB, RSS {(afterGrowth.Rss - baseline.Rss) / 1024.0 / 1024:N1} MB (target: no growth)");

        Console.WriteLine();
        Console.WriteLine("== Calibration: 5 headless Chromium tabs against 5 .NET client circuits, same pages ==");
        foreach (var (kind, path, cookie) in new[] { ("portfolio", PortfolioPath, staff), ("journey", JourneyPath, brand) })
        {
            var browser = await BrowserCalibration.MeasureAsync(bench.BaseAddress, cookie, path, 5);
            var before = await ServerMemory.SettleAsync();
            await load.AskAsync($"open {kind} 5");
            var after = await ServerMemory.SettleAsync();
            await load.AskAsync("close beacon");
            Console.WriteLine($"{kind,-10} Chromium {browser}; .NET client {ServerMemory.PerCircuit(before, after, 5)}");
        }

        Console.WriteLine();
        Console.WriteLine($"== Interaction round trips; every circuit acts once within {sizes.Window:F0} s (half portfolio: grid page change; half journey: task status change) ==");
        var open = 0;
        foreach (var level in sizes.Levels)
        {
            var more = (level - open) / 2;
            var openedP = await load.AskAsync($"open portfolio {more}");
            var openedJ = await load.AskAsync($"open journey {more}");
            open = level;
            // Interactions first: the forced full collections of a heap of gigabytes stop the server for seconds,
            // long enough for SignalR to time out clients whose pings wait (ClientTimeoutInterval, 30 s).
            Console.WriteLine($"{level,5} circuits ({openedP} | {openedJ}); load {LoadAverage()}");
            Console.WriteLine($"       {await load.AskAsync($"interact {sizes.Window}")}");
            Console.WriteLine($"       after: {await ServerMemory.SettleAsync()}");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        await load.AskAsync("close beacon");
        await Task.Delay(Retention + TimeSpan.FromSeconds(5));
        var closed = await ServerMemory.SettleAsync();
        Console.WriteLine($"all closed: {closed}; against the growth baseline: managed {(closed.Managed - baseline.Managed) / 1024.0:N0} KB");

        Console.WriteLine();
        var retained = new Portal.Web.Infrastructure.CircuitSettings().DisconnectedMaxRetained;
        Console.WriteLine($"== Dropped connections: {sizes.Dropped} portfolio circuits lost without the beacon (at most {retained} kept for reconnection, Circuits:DisconnectedMaxRetained) ==");
        await load.AskAsync($"open portfolio {sizes.Dropped}");
        await load.AskAsync("close drop");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var dropped = await ServerMemory.SettleAsync();
        Console.WriteLine($"held after the drop: managed {(dropped.Managed - closed.Managed) / 1024.0 / 1024:N1} MB, RSS {(dropped.Rss - closed.Rss) / 1024.0 / 1024:N1} MB ({dropped})");
        await Task.Delay(Retention);
        var released = await ServerMemory.SettleAsync();
        Console.WriteLine($"after the retention period ({Retention.TotalSeconds:F0} s in this run): managed {(released.Managed - closed.Managed) / 1024.0 / 1024:N1} MB above the closed state");
        await load.AskAsync("quit");
        Console.WriteLine();
        Console.WriteLine($"total {started.Elapsed.TotalMinutes:F1} min, load {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// <c>--hold portfolio|journey N [SECONDS]</c>: for a heap dump (<c>dotnet-gcdump collect -p PID</c>), opens 10 circuits
    /// of the kind and closes them (warm-up), waits SECONDS (60) with none open, then opens N idle ones, prints the memory
    /// per circuit and holds them SECONDS × 10 (0: ends at once, a quick measurement of one page). With <c>--acted</c>,
    /// each circuit then acts once and the memory is measured again.
    /// </summary>
    private static async Task HoldAsync(LoadProcess load, PortfolioBench bench, bool frames, bool acted, string kind, int count, TimeSpan wait)
    {
        await load.AskAsync($"open {kind} 10");
        await load.AskAsync("close beacon");
        await Task.Delay(Retention + TimeSpan.FromSeconds(2));
        var before = await ServerMemory.SettleAsync();
        Console.WriteLine($"PID {Environment.ProcessId}: 0 circuits open ({before}); opening {count} in {wait.TotalSeconds:F0} s");
        await Task.Delay(wait);
        using var sql = new SqlCounter();
        using (DiagnosticListener.AllListeners.Subscribe(sql))
        {
            Console.WriteLine(await load.AskAsync($"open {kind} {count}"));
        }

        Console.WriteLine($"SQL commands while opening: {sql.Now.Commands / (double)count:F1} a circuit (the page's GET and its circuit's first renders)");
        var after = await ServerMemory.SettleAsync();
        Console.WriteLine($"PID {Environment.ProcessId}: {count} {kind} circuits open ({after}; {ServerMemory.PerCircuit(before, after, count)}); holding {wait.TotalSeconds * 10:F0} s");
        if (acted)
        {
            // --acted: each circuit then acts once (a grid page change, a task status change) and goes idle again.
            Console.WriteLine("acted once: " + await load.AskAsync("interact 5"));
            after = await ServerMemory.SettleAsync();
            Console.WriteLine($"PID {Environment.ProcessId}: {count} {kind} circuits open after acting once ({after}; {ServerMemory.PerCircuit(before, after, count)})");
        }

        if (frames) CircuitFrames.Print(bench.Services);
        await Task.Delay(wait * 10);
        await load.AskAsync("quit");
    }

    /// <summary>The machine's load average (1, 5, 15 min): figures on a shared machine need it beside them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>The server's memory: the managed heap after forced, compacting full collections, and the resident set.</summary>
internal readonly record struct ServerMemory(long Managed, long Rss)
{
    /// <summary>Waits for in-flight work (renders, disposals) to finish, then collects fully and measures.</summary>
    public static async Task<ServerMemory> SettleAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return new ServerMemory(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    public static string PerCircuit(ServerMemory before, ServerMemory after, int count) => string.Create(CultureInfo.InvariantCulture,
        $"managed {(after.Managed - before.Managed) / 1024.0 / count,6:N0} KB/circuit, RSS {(after.Rss - before.Rss) / 1024.0 / count,6:N0} KB/circuit");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"managed {Managed / 1024.0 / 1024:N1} MB, RSS {Rss / 1024.0 / 1024:N1} MB");
}

/// <summary>The child process that opens and drives the circuits (<see cref="CircuitsLoad"/>), spoken to a line at a time.</summary>
internal sealed class LoadProcess : IDisposable
{
    private readonly Process _process;

    private LoadProcess(Process process) => _process = process;

    public static LoadProcess Start(Uri baseAddress, string staffCookie, string brandCookie)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(LoadProcess).Assembly.Location);
        }

        foreach (var arg in new[] { "circuits-client", baseAddress.ToString(), staffCookie, brandCookie })
        {
            info.ArgumentList.Add(arg);
        }

        return new LoadProcess(Process.Start(info)!);
    }

    /// <summary>Sends one command and returns its answer (the next line starting with <c>@</c>).</summary>
    public async Task<string> AskAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('@'))
            {
                return line[1..];
            }

            Console.WriteLine("  client: " + line);
        }

        throw new InvalidOperationException($"The load process ended (exit {(_process.HasExited ? _process.ExitCode : -1)}) before answering '{command}'.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
