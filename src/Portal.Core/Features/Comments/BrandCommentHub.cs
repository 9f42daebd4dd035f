using Portal.Core.Features.Live;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Features.Comments;

/// <summary>
/// Signal, on every node (<see cref="ILiveUpdates"/>), that a brand's comments changed, so open threads (the brand's Messages page, Brand 360)
/// show a new comment without a reload. <see cref="BrandCommentService"/> raises it after its save committed.
/// It carries no comment: a subscriber reloads the thread through <see cref="BrandCommentService.ThreadAsync"/>
/// with its reader's access, so a page can only ever show what its reader may see. An internal note only
/// wakes subscribers that asked for internal changes (staff's pages), a brand member's page never hears of one.
/// </summary>
public sealed class BrandCommentHub : IDisposable
{
    /// <summary>The <see cref="ILiveUpdates"/> kinds (public comments, internal notes); the key is the brand's id.</summary>
    public const string PublicKind = "comments";

    /// <inheritdoc cref="PublicKind"/>
    public const string InternalKind = "comments-internal";

    private readonly LiveSignal<(Guid BrandId, bool Internal)> _signal = new();
    private readonly ILiveUpdates _updates;
    private readonly IDisposable _public;
    private readonly IDisposable _internal;

    public BrandCommentHub(ILiveUpdates updates)
    {
        _updates = updates;
        _public = updates.Listen(PublicKind, key => Raise(key, isInternal: false));
        _internal = updates.Listen(InternalKind, key => Raise(key, isInternal: true));
    }

    /// <summary>
    /// Calls <paramref name="onChanged"/> whenever a public comment is posted on the brand, and also when an
    /// internal note is if <paramref name="includeInternal"/>, until disposed.
    /// </summary>
    public IDisposable Subscribe(Guid brandId, bool includeInternal, Func<Task> onChanged)
    {
        var open = _signal.Subscribe((brandId, false), onChanged);
        return includeInternal ? new Both(open, _signal.Subscribe((brandId, true), onChanged)) : open;
    }

    /// <summary>Tells the brand's open threads that a comment (or, with <paramref name="isInternal"/>, a note) was posted.</summary>
    public void Changed(Guid brandId, bool isInternal) => _updates.Publish(isInternal ? InternalKind : PublicKind, brandId.ToString("N"));

    /// <summary>How many open threads listen for the brand's public comments (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid brandId) => _signal.SubscriberCount((brandId, false));

    public void Dispose()
    {
        _public.Dispose();
        _internal.Dispose();
    }

    private void Raise(string key, bool isInternal)
    {
        if (key == LocalLiveUpdates.Everything)
        {
            // Every open thread holds a public subscription (staff's an internal one besides): wake each once.
            if (!isInternal)
            {
                _signal.RaiseAll(k => !k.Internal);
            }
        }
        else if (Guid.TryParse(key, out var brandId))
        {
            _signal.Raise([(brandId, isInternal)]);
        }
    }

    private sealed class Both(IDisposable first, IDisposable second) : IDisposable
    {
        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
