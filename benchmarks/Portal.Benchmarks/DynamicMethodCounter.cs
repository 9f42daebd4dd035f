using System.Diagnostics.Tracing;

namespace Portal.Benchmarks;

/// <summary>
/// Counts the methods the runtime compiles for this process's dynamic code (expression trees, EF Core shapers,
/// Blazor's component factories) from the runtime's own JIT events. A page that compiles code on every request also
/// leaves the finalizer thread to destroy it, which costs a core on a busy node; a warm page compiles none.
/// </summary>
internal sealed class DynamicMethodCounter : EventListener
{
    private const EventKeywords Jit = (EventKeywords)0x10;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, Jit);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName == "MethodLoadVerbose_V1" || eventData.EventName == "MethodLoadVerbose_V2" || eventData.EventName == "MethodLoadVerbose")
        {
            var index = eventData.PayloadNames?.IndexOf("MethodNamespace") ?? -1;
            if (index >= 0 && eventData.Payload![index] is string ns && ns.StartsWith("dynamicClass", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}

/// <summary>CPU time of this process's finalizer thread, from <c>/proc</c> (Linux; zero elsewhere).</summary>
internal static class FinalizerThread
{
    public static TimeSpan CpuTime()
    {
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks)) return TimeSpan.Zero;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() != ".NET Finalizer") continue;
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(ticks / 100.0);
            }
            catch (IOException)
            {
            }
        }

        return TimeSpan.Zero;
    }
}
