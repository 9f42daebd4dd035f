using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Live;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cluster;

/// <summary>
/// A node whose LISTEN connection was cut misses what other nodes NOTIFY until it listens again; then its open pages
/// (the hubs' subscriptions) are told to read again, so bell counts and comment threads catch up.
/// </summary>
[Trait("Kind", "Postgres")]
public sealed class LiveUpdatesReconnectTests(ClusterNodes nodes) : IClassFixture<ClusterNodes>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [PostgresFact]
    public async Task ListenerCut_CommentPostedDuringTheGap_OpenThreadAndBellOnThatNodeReadAgainOnReconnect()
    {
        var code = "resync-" + Guid.NewGuid().ToString("N")[..8];
        var owner = code + "@example.com";
        var brandId = await TestBrands.CreateWithOwnerAsync(nodes.A, code, owner, nameEn: "Brand " + code, nameZh: "重连品牌");
        var ownerId = await nodes.A.WithDbAsync(db => db.Users.Where(u => u.Email == owner).Select(u => u.Id).SingleAsync());
        var thread = Signal();
        var bell = Signal();
        using var threadSubscription = nodes.B.Services.GetRequiredService<BrandCommentHub>().Subscribe(brandId, includeInternal: false, () => Set(thread));
        using var bellSubscription = nodes.B.Services.GetRequiredService<NotificationHub>().Subscribe(ownerId, () => Set(bell));
        var listener = nodes.B.Services.GetRequiredService<PostgresLiveUpdates>();

        await CutAsync(listener);
        await PostAsync(code, "Posted while node B was not listening.");

        // Node B heard nothing of it (its listener is down for 2 s); once it listens again, both pages read again.
        await thread.Task.WaitAsync(Patience);
        await bell.Task.WaitAsync(Patience);
        listener.IsListening.ShouldBeTrue();
    }

    /// <summary>Ends the server process behind the node's LISTEN connection and waits until the node noticed.</summary>
    private async Task CutAsync(PostgresLiveUpdates listener)
    {
        var deadline = DateTime.UtcNow + Patience;
        int? pid;
        while ((pid = listener.ListenerProcessId) is null)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue("node B never listened");
            await Task.Delay(50);
        }

        await using (var connection = new NpgsqlConnection(nodes.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
            terminate.Parameters.AddWithValue("pid", pid.Value);
            ((bool?)await terminate.ExecuteScalarAsync()).ShouldBe(true);
        }

        while (listener.IsListening)
        {
            (DateTime.UtcNow < deadline).ShouldBeTrue("node B did not notice its LISTEN connection was cut");
            await Task.Delay(20);
        }
    }

    private async Task PostAsync(string code, string body)
    {
        var staff = await nodes.A.PrincipalAsync(DemoData.OperatorEmail);
        var outcome = await nodes.A.Services.GetRequiredService<BrandCommentService>().PostAsync(staff, code, new NewComment(body));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task Set(TaskCompletionSource signal)
    {
        signal.TrySetResult();
        return Task.CompletedTask;
    }
}
