using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>Counts the SQL commands and connection opens EF Core reports in this process (the app runs in it).</summary>
internal sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private int _commands;
    private int _opens;

    /// <summary>PORTAL_BENCH_SQL=1 prints each command's text and time as it runs (to see what a page asks for).</summary>
    public bool Log { get; init; } = Environment.GetEnvironmentVariable("PORTAL_BENCH_SQL") == "1";

    public (int Commands, int Opens) Now => (Volatile.Read(ref _commands), Volatile.Read(ref _opens));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key.EndsWith("CommandExecuted", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _commands);
            if (Log && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
            {
                Console.WriteLine($"      SQL {executed.Duration.TotalMilliseconds:F2} ms: {executed.Command.CommandText.ReplaceLineEndings(" ")[..Math.Min(220, executed.Command.CommandText.Length)]}");
            }
        }
        else if (value.Key.EndsWith("ConnectionOpened", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _opens);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
