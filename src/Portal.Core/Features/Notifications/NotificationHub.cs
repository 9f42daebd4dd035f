using System.Collections.Concurrent;

namespace Portal.Core.Features.Notifications;

/// <summary>
/// In-process signal that a user's notifications changed (new ones, or read elsewhere). Open pages
/// (the bell) subscribe for their user; services raise it only after their transaction committed.
/// Holds no data: a subscriber reads its count again from the database.
/// </summary>
public sealed class NotificationHub
{
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _subscribers = new();

    /// <summary>Calls <paramref name="onChanged"/> whenever <paramref name="userId"/>'s notifications change, until disposed.</summary>
    public IDisposable Subscribe(Guid userId, Func<Task> onChanged)
    {
        var subscription = new Subscription(this, userId, onChanged);
        _subscribers.AddOrUpdate(userId, _ => new([subscription]), (_, list) => new([.. list.Items, subscription]));
        return subscription;
    }

    /// <summary>Tells the subscribers of each user; a failing subscriber (a closed circuit) does not stop the others.</summary>
    public void Changed(IEnumerable<Guid> userIds)
    {
        foreach (var userId in userIds.Distinct())
        {
            if (!_subscribers.TryGetValue(userId, out var list))
            {
                continue;
            }

            foreach (var subscription in list.Items)
            {
                _ = InvokeAsync(subscription.OnChanged);
            }
        }
    }

    /// <summary>How many open pages listen for the user (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid userId) => _subscribers.TryGetValue(userId, out var list) ? list.Items.Length : 0;

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
        while (_subscribers.TryGetValue(subscription.UserId, out var list))
        {
            var rest = list.Items.Where(s => s != subscription).ToArray();
            var done = rest.Length == 0
                ? _subscribers.TryRemove(new KeyValuePair<Guid, ImmutableSubscribers>(subscription.UserId, list))
                : _subscribers.TryUpdate(subscription.UserId, new(rest), list);
            if (done)
            {
                return;
            }
        }
    }

    private sealed record ImmutableSubscribers(Subscription[] Items);

    private sealed class Subscription(NotificationHub hub, Guid userId, Func<Task> onChanged) : IDisposable
    {
        private int _disposed;

        public Guid UserId { get; } = userId;

        public Func<Task> OnChanged { get; } = onChanged;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                hub.Remove(this);
            }
        }
    }
}
