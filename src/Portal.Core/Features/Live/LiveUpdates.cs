using System.Collections.Concurrent;

namespace Portal.Core.Features.Live;

/// <summary>
/// "Something changed" between the portal's processes: a kind (whose subscribers) and a key (a user, a brand),
/// never content. A page's subscriber reads what it shows again, with its own access. On SQLite (one process)
/// it stays in-process; on PostgreSQL every node hears every other node (<see cref="PostgresLiveUpdates"/>).
/// </summary>
public interface ILiveUpdates
{
    /// <summary>Tells every node: this node's listeners at once, the others as soon as the database relays it.</summary>
    void Publish(string kind, string key);

    /// <summary>
    /// Calls <paramref name="onKey"/> on this node for every update of <paramref name="kind"/>, until disposed; with
    /// <see cref="LocalLiveUpdates.Everything"/> when this node may have missed some (every key changed, read again).
    /// </summary>
    IDisposable Listen(string kind, Action<string> onKey);
}

/// <summary>The in-process bus (SQLite, one process), and the local half of <see cref="PostgresLiveUpdates"/>.</summary>
public class LocalLiveUpdates : ILiveUpdates
{
    /// <summary>
    /// The key a listener hears when this node may have missed updates (its LISTEN connection was lost and is back):
    /// anything of the kind may have changed, so every open page reads what it shows again.
    /// </summary>
    public const string Everything = "*";

    private readonly ConcurrentDictionary<string, ImmutableListeners> _listeners = new(StringComparer.Ordinal);

    public virtual void Publish(string kind, string key) => Deliver(kind, key);

    public IDisposable Listen(string kind, Action<string> onKey)
    {
        var listener = new Listener(this, kind, onKey);
        _listeners.AddOrUpdate(kind, _ => new([listener]), (_, list) => new([.. list.Items, listener]));
        return listener;
    }

    /// <summary>Raises this node's listeners of <paramref name="kind"/>; a failing one does not stop the others.</summary>
    protected void Deliver(string kind, string key)
    {
        if (!_listeners.TryGetValue(kind, out var list))
        {
            return;
        }

        foreach (var listener in list.Items)
        {
            try
            {
                listener.OnKey(key);
            }
            catch (Exception)
            {
                // A listener's own failure (a closed page) is its business; the others still hear.
            }
        }
    }

    /// <summary>Raises every listener of this node with <see cref="Everything"/>.</summary>
    protected void DeliverEverything()
    {
        foreach (var kind in _listeners.Keys)
        {
            Deliver(kind, Everything);
        }
    }

    private void Remove(Listener listener)
    {
        while (_listeners.TryGetValue(listener.Kind, out var list))
        {
            var rest = new ImmutableListeners(list.Items.Where(l => l != listener).ToArray());
            if (_listeners.TryUpdate(listener.Kind, rest, list))
            {
                return;
            }
        }
    }

    private sealed record ImmutableListeners(Listener[] Items);

    private sealed class Listener(LocalLiveUpdates owner, string kind, Action<string> onKey) : IDisposable
    {
        private int _disposed;

        public string Kind { get; } = kind;

        public Action<string> OnKey { get; } = onKey;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
