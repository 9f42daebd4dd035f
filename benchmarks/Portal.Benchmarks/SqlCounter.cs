using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>
/// Counts the SQL commands and connection opens EF Core reports in this process (the app runs in it), until disposed:
/// ending the subscription to <see cref="DiagnosticListener.AllListeners"/> alone leaves EF Core's listener reporting here.
/// </summary>
internal sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _listening = [];
    private bool _disposed;
    private int _commands;
    private int _opens;

    /// <summary>Prints each command's text and time as it runs (the pages mode's check sets it from PORTAL_BENCH_SQL=1).</summary>
    public bool Log { get; init; }

    public (int Commands, int Opens) Now => (Volatile.Read(ref _commands), Volatile.Read(ref _opens));

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_listening)
            {
                if (!_disposed) _listening.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key.EndsWith("CommandExecuted", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _commands);
            if (Log && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData executed)
            {
                var text = executed.Command.CommandText.ReplaceLineEndings(" ");
                Console.WriteLine($"      SQL {executed.Duration.TotalMilliseconds:F2} ms: {text[..Math.Min(220, text.Length)]}");
            }
        }
        else if (value.Key.EndsWith("ConnectionOpened", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _opens);
        }
    }

    public void Dispose()
    {
        lock (_listening)
        {
            _disposed = true;
            _listening.ForEach(subscription => subscription.Dispose());
            _listening.Clear();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
