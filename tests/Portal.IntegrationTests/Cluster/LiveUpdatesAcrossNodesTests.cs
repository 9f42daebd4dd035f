using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Features.AdminConfig;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Tiers;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Core.Features.AdminConfig;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cluster;

/// <summary>
/// Live updates between two web nodes on one PostgreSQL database (LISTEN/NOTIFY): what is posted through node A
/// wakes the pages open on node B, as the hubs' subscriptions (what BrandComments.razor and the bell hold) show.
/// </summary>
[Trait("Kind", "Postgres")]
public sealed class LiveUpdatesAcrossNodesTests(ClusterNodes nodes) : IClassFixture<ClusterNodes>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [PostgresFact]
    public async Task SettingsSavedOnNodeA_AreInForceOnNodeB_WithinSeconds_NotAtTheNextPoll()
    {
        var tiers = nodes.B.Services.GetRequiredService<IOptionsMonitor<TierOptions>>();
        var before = tiers.CurrentValue.KaMonthlyGmv;
        try
        {
            await nodes.A.ChangeSettingsAsync(form => form.KaMonthlyGmv = before + 123_000m);

            // The backstop poll runs every 30 s; the word from node A comes at once.
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (tiers.CurrentValue.KaMonthlyGmv == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            tiers.CurrentValue.KaMonthlyGmv.ShouldBe(before + 123_000m);
        }
        finally
        {
            await nodes.A.ResetSettingsAsync();
        }
    }

    [PostgresFact]
    public async Task Comment_PostedThroughNodeA_WakesTheThreadOpenOnNodeB()
    {
        var (code, brandId, _) = await NewBrandAsync();
        var woken = Signal();
        using var thread = nodes.B.Services.GetRequiredService<BrandCommentHub>().Subscribe(brandId, includeInternal: false, () => Set(woken));

        await PostAsync(code, new NewComment("Please upload your trademark certificate."));

        await woken.Task.WaitAsync(Patience);
    }

    [PostgresFact]
    public async Task Notification_ForAUserOnNodeA_WakesTheirBellOnNodeB()
    {
        var (code, _, owner) = await NewBrandAsync();
        var ownerId = await nodes.A.WithDbAsync(db => db.Users.Where(u => u.Email == owner).Select(u => u.Id).SingleAsync());
        var woken = Signal();
        using var bell = nodes.B.Services.GetRequiredService<NotificationHub>().Subscribe(ownerId, () => Set(woken));

        // A staff comment notifies the brand's members (NotificationService on node A, after its commit).
        await PostAsync(code, new NewComment("Hello from the platform."));

        await woken.Task.WaitAsync(Patience);
        (await nodes.B.WithDbAsync(db => db.Notifications.CountAsync(n => n.RecipientUserId == ownerId))).ShouldBeGreaterThan(0);
    }

    [PostgresFact]
    public async Task InternalNote_PostedThroughNodeA_WakesStaffOnNodeBButNeverAMembersThread()
    {
        var (code, brandId, _) = await NewBrandAsync();
        var memberWakes = 0;
        var memberHeardPublic = Signal();
        var staff = Signal();
        var hub = nodes.B.Services.GetRequiredService<BrandCommentHub>();
        using var memberThread = hub.Subscribe(brandId, includeInternal: false, () =>
        {
            Interlocked.Increment(ref memberWakes);
            return Set(memberHeardPublic);
        });
        using var staffThread = hub.Subscribe(brandId, includeInternal: true, () => Set(staff));

        await PostAsync(code, new NewComment("Internal: check their licence first.", Internal: true));
        // The staff page hearing it proves the note reached node B before the public comment below was posted.
        await staff.Task.WaitAsync(Patience);
        await PostAsync(code, new NewComment("Please upload your licence."));
        await memberHeardPublic.Task.WaitAsync(Patience);

        Volatile.Read(ref memberWakes).ShouldBe(1, "the member's thread woke for the public comment only, never for the internal note");
    }

    private async Task<(string Code, Guid BrandId, string Owner)> NewBrandAsync()
    {
        var code = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var owner = code + "@example.com";
        var brandId = await TestBrands.CreateWithOwnerAsync(nodes.A, code, owner, nameEn: "Brand " + code, nameZh: "集群品牌");
        return (code, brandId, owner);
    }

    private async Task PostAsync(string code, NewComment comment)
    {
        var staff = await nodes.A.PrincipalAsync(DemoData.OperatorEmail);
        var outcome = await nodes.A.Services.GetRequiredService<BrandCommentService>().PostAsync(staff, code, comment);
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task Set(TaskCompletionSource signal)
    {
        signal.TrySetResult();
        return Task.CompletedTask;
    }
}
