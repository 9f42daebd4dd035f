using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Holds back the host's database queries that carry a value (a plan's id, a brand's code) until the test lets them go,
/// so that one answer reaches a page after another, as on a busy server or a slow database. Without it, reads on
/// SQLite finish before a test can act in between. Only queries (LINQ or SQL, run asynchronously as the portal runs
/// them), never a save. Installed on a host with <see cref="Install"/>; does nothing until a test calls <see cref="Hold"/>.
/// </summary>
public sealed class ReadGate : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<DbCommand, Held> _running = new();

    /// <summary>The registration that puts this gate before every read of the host's <see cref="PortalDbContext"/>.</summary>
    public Action<IServiceCollection> Install => services =>
        services.ConfigureDbContext<PortalDbContext>((_, options) => options.AddInterceptors(this));

    /// <summary>
    /// Holds every query with <paramref name="value"/> among its parameters (compared as text, ignoring case, whatever
    /// the engine stores it as) until the returned hold is released or disposed.
    /// </summary>
    public Held Hold(object value)
    {
        var held = new Held(this, Text(value));
        if (!_held.TryAdd(held.Value, held))
        {
            throw new InvalidOperationException($"{held.Value} is held already.");
        }

        return held;
    }

    /// <summary>
    /// Makes <paramref name="actions"/> meet: each waits at its first query carrying <paramref name="value"/> until all
    /// wait there, then all go at once, so each reads what the others have not yet written. Returns their answers.
    /// </summary>
    public async Task<T[]> TogetherAsync<T>(object value, params Func<Task<T>>[] actions)
    {
        using var held = Hold(value);
        var running = actions.Select(action => action()).ToArray();
        await held.WaitingAsync(actions.Length);
        held.Release();
        return await Task.WhenAll(running);
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!_held.IsEmpty && eventData.CommandSource is CommandSource.LinqQuery or CommandSource.FromSqlQuery
            && HeldFor(command) is { } held)
        {
            await held.WaitAsync().WaitAsync(cancellationToken);
            _running[command] = held;
        }

        return result;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Finish(command);
        return result;
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(command);
        return Task.CompletedTask;
    }

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(command);
        return Task.CompletedTask;
    }

    private void Finish(DbCommand command)
    {
        if (_running.TryRemove(command, out var held))
        {
            held.Finished();
        }
    }

    // Scalar parameters only: a list (Contains) reaches SQLite as one JSON text, and PostgreSQL as an array.
    private Held? HeldFor(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is { } value && _held.TryGetValue(Text(value), out var held))
            {
                return held;
            }
        }

        return null;
    }

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// One held value: <see cref="Reached"/> once a query waits on it; <see cref="Release"/> lets it (and later ones) go;
    /// <see cref="Done"/> once the first held query has read its rows (or failed).
    /// </summary>
    public sealed class Held(ReadGate gate, string value) : IDisposable
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int _waiting;

        public string Value { get; } = value;

        /// <summary>How many queries carrying the value have started to wait (released ones included).</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        /// <summary>Waits (up to ten seconds) until <paramref name="count"/> queries wait here: several actions that met.</summary>
        public async Task WaitingAsync(int count)
        {
            var deadline = Task.Delay(TimeSpan.FromSeconds(10));
            while (Waiting < count && !deadline.IsCompleted)
            {
                await Task.Delay(20);
            }

            Waiting.ShouldBe(count, $"{count} reads carrying {Value} should be waiting");
        }

        /// <summary>
        /// Lets the held query go, waits until it has read its rows, then checks <paramref name="outcome"/> ten times over a
        /// second: the rest of that read (the service's last steps, a component applying or dropping the answer) lands
        /// within it, so what must stay so is checked after the late answer landed.
        /// </summary>
        public async Task LandAsync(Action outcome)
        {
            Release();
            await Done.WaitAsync(TimeSpan.FromSeconds(10));
            for (var look = 0; look < 10; look++)
            {
                await Task.Delay(100);
                outcome();
            }
        }

        /// <summary>Completes when a query carrying the value has started to wait.</summary>
        public Task Reached => _reached.Task;

        /// <summary>
        /// Completes when the first held query, released, has read its rows, failed or been cancelled. That may be
        /// another component's query carrying the same value (a brand's code is read by the frame and by the page).
        /// </summary>
        public Task Done => _done.Task;

        internal void Finished() => _done.TrySetResult();

        internal Task WaitAsync()
        {
            Interlocked.Increment(ref _waiting);
            _reached.TrySetResult();
            return _released.Task;
        }

        public void Release()
        {
            gate._held.TryRemove(new KeyValuePair<string, Held>(Value, this));
            _released.TrySetResult();
        }

        public void Dispose() => Release();
    }
}
