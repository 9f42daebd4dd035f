using Portal.Core.Features.Live;

namespace Portal.Core.Features.Notifications;

/// <summary>
/// Signal that a user's notifications changed (new ones, or read elsewhere), on every node through
/// <see cref="ILiveUpdates"/> (a worker's or another node's changes too). Open pages (the bell) subscribe for their
/// user; services raise it only after their transaction committed. Holds no data: a subscriber reads its count
/// again from the database.
/// </summary>
public sealed class NotificationHub : IDisposable
{
    /// <summary>The <see cref="ILiveUpdates"/> kind; the key is the user's id.</summary>
    public const string Kind = "notifications";

    private readonly LiveSignal<Guid> _signal = new();
    private readonly ILiveUpdates _updates;
    private readonly IDisposable _listening;

    public NotificationHub(ILiveUpdates updates)
    {
        _updates = updates;
        _listening = updates.Listen(Kind, key =>
        {
            if (key == LocalLiveUpdates.Everything)
            {
                _signal.RaiseAll(_ => true);
            }
            else if (Guid.TryParse(key, out var userId))
            {
                _signal.Raise([userId]);
            }
        });
    }

    /// <summary>Calls <paramref name="onChanged"/> whenever <paramref name="userId"/>'s notifications change, until disposed.</summary>
    public IDisposable Subscribe(Guid userId, Func<Task> onChanged) => _signal.Subscribe(userId, onChanged);

    /// <summary>Tells the subscribers of each user; a failing subscriber (a closed circuit) does not stop the others.</summary>
    public void Changed(IEnumerable<Guid> userIds)
    {
        foreach (var userId in userIds.Distinct())
        {
            _updates.Publish(Kind, userId.ToString("N"));
        }
    }

    /// <summary>How many open pages listen for the user (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid userId) => _signal.SubscriberCount(userId);

    public void Dispose() => _listening.Dispose();
}
