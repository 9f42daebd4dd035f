namespace Portal.Core.Features.Notifications;

/// <summary>
/// In-process signal that a user's notifications changed (new ones, or read elsewhere). Open pages
/// (the bell) subscribe for their user; services raise it only after their transaction committed.
/// Holds no data: a subscriber reads its count again from the database.
/// </summary>
public sealed class NotificationHub
{
    private readonly LiveSignal<Guid> _signal = new();

    /// <summary>Calls <paramref name="onChanged"/> whenever <paramref name="userId"/>'s notifications change, until disposed.</summary>
    public IDisposable Subscribe(Guid userId, Func<Task> onChanged) => _signal.Subscribe(userId, onChanged);

    /// <summary>Tells the subscribers of each user; a failing subscriber (a closed circuit) does not stop the others.</summary>
    public void Changed(IEnumerable<Guid> userIds) => _signal.Raise(userIds);

    /// <summary>How many open pages listen for the user (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid userId) => _signal.SubscriberCount(userId);
}
