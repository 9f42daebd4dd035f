using System.Diagnostics;

namespace Portal.Benchmarks;

/// <summary>Counts the SQL commands and connection opens EF Core reports in this process (the app runs in it).</summary>
internal sealed class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private int _commands;
    private int _opens;

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
