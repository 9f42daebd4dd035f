using System.Collections.Concurrent;

namespace Portal.Core.Features.Notifications;

/// <summary>
/// An in-process "something changed" signal per key, for open pages: they subscribe with a callback and
/// dispose the subscription when they go. Carries no data; a subscriber reads what it shows again, with its
/// own access. Shared by <see cref="NotificationHub"/> (per user) and <see cref="Comments.BrandCommentHub"/> (per brand).
/// </summary>
internal sealed class LiveSignal<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Subscription[]> _subscribers = new();

    /// <summary>Calls <paramref name="onChanged"/> whenever <paramref name="key"/> is raised, until disposed.</summary>
    public IDisposable Subscribe(TKey key, Func<Task> onChanged)
    {
        var subscription = new Subscription(this, key, onChanged);
        _subscribers.AddOrUpdate(key, _ => [subscription], (_, list) => [.. list, subscription]);
        return subscription;
    }

    /// <summary>Tells the subscribers of each key; a failing subscriber (a closed circuit) does not stop the others.</summary>
    public void Raise(IEnumerable<TKey> keys)
    {
        foreach (var key in keys.Distinct())
        {
            if (!_subscribers.TryGetValue(key, out var list))
            {
                continue;
            }

            foreach (var subscription in list)
            {
                _ = InvokeAsync(subscription.OnChanged);
            }
        }
    }

    /// <summary>Tells every subscriber whose key matches <paramref name="which"/> (after updates may have been missed).</summary>
    public void RaiseAll(Func<TKey, bool> which) => Raise(_subscribers.Keys.Where(which));

    public int SubscriberCount(TKey key) => _subscribers.TryGetValue(key, out var list) ? list.Length : 0;

    private static async Task InvokeAsync(Func<Task> callback)
    {
        try
        {
            await callback();
        }
        catch (Exception)
        {
            // The page went away between the event and the call; nothing to tell.
        }
    }

    private void Remove(Subscription subscription)
    {
        while (_subscribers.TryGetValue(subscription.Key, out var list))
        {
            var rest = list.Where(s => s != subscription).ToArray();
            var done = rest.Length == 0
                ? _subscribers.TryRemove(new KeyValuePair<TKey, Subscription[]>(subscription.Key, list))
                : _subscribers.TryUpdate(subscription.Key, rest, list);
            if (done)
            {
                return;
            }
        }
    }

    private sealed class Subscription(LiveSignal<TKey> signal, TKey key, Func<Task> onChanged) : IDisposable
    {
        private int _disposed;

        public TKey Key { get; } = key;

        public Func<Task> OnChanged { get; } = onChanged;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                signal.Remove(this);
            }
        }
    }
}
