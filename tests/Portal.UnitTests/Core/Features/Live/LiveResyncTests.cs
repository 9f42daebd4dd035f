using Portal.Core.Features.Comments;
using Portal.Core.Features.Live;
using Portal.Core.Features.Notifications;

namespace Portal.UnitTests.Core.Features.Live;

/// <summary>
/// <see cref="LocalLiveUpdates.Everything"/>, what a node's bus tells its listeners after it may have missed updates
/// (PostgreSQL's LISTEN connection back after a loss): every open page of every key reads again, once.
/// </summary>
public sealed class LiveResyncTests
{
    [Fact]
    public void Everything_OnEachKind_WakesEveryOpenThreadAndBellOnce_WhateverItsKey()
    {
        var bus = new LocalLiveUpdates();
        using var comments = new BrandCommentHub(bus);
        using var bells = new NotificationHub(bus);
        var memberThread = 0;
        var staffThread = 0;
        var bell = 0;
        using var member = comments.Subscribe(Guid.NewGuid(), includeInternal: false, () => Count(ref memberThread));
        using var staff = comments.Subscribe(Guid.NewGuid(), includeInternal: true, () => Count(ref staffThread));
        using var ringing = bells.Subscribe(Guid.NewGuid(), () => Count(ref bell));

        // What the bus does after a reconnect: each kind with a listener hears Everything.
        foreach (var kind in new[] { BrandCommentHub.PublicKind, BrandCommentHub.InternalKind, NotificationHub.Kind })
        {
            bus.Publish(kind, LocalLiveUpdates.Everything);
        }

        memberThread.ShouldBe(1);
        staffThread.ShouldBe(1, "a staff thread listens for public comments and internal notes, yet reads again once");
        bell.ShouldBe(1);
    }

    private static Task Count(ref int counter)
    {
        Interlocked.Increment(ref counter);
        return Task.CompletedTask;
    }
}
