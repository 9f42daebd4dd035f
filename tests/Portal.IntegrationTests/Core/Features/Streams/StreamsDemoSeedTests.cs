using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Seeding;
using Portal.Core.Features.Streams;
using Portal.Core.Features.TrustCard;
using Portal.Core.Time;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Streams;

public sealed class StreamsDemoSeedTests
{
    private static Task<(int Plans, int Tiers, int Cards, int Changes)> CountAsync(PortalAppFactory app) =>
        app.WithDbAsync(async db => (await db.StreamPlans.CountAsync(), await db.TrustTiers.CountAsync(), await db.TrustCardCommitments.CountAsync(), await db.TrustCardChanges.CountAsync()));

    [Fact]
    public async Task DemoSeed_GivesTheDemoBrandADoneAReadyAndADraftStream_AroundTheAppsClock()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var now = app.Services.GetRequiredService<PortalClock>().GetUtcNow();

        var plans = await app.WithDbAsync(db => db.StreamPlans.AsNoTracking().OrderBy(p => p.StartAt).ToListAsync());

        plans.Select(p => p.Status).ShouldBe([StreamStatus.Done, StreamStatus.Ready, StreamStatus.Draft]);
        plans[0].StartAt.ShouldBeLessThan(now.AddDays(-6));
        plans[0].StartAt.ShouldBeGreaterThan(now.AddDays(-8));
        plans[0].Results.ShouldNotBeNull();
        plans[1].StartAt.ShouldBeGreaterThan(now);
        plans[1].StartAt.ShouldBeLessThan(now.AddDays(7));
        StageReadiness.Of(plans[1]).AllComplete.ShouldBeTrue();
        StageReadiness.Of(plans[2]).AllComplete.ShouldBeFalse();
    }

    [Fact]
    public async Task DemoSeed_PutsTheDemoTrustCardAtAdvanced()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var (card, tiers) = await app.WithDbAsync(async db => (await db.TrustCardCommitments.SingleAsync(), await db.TrustTiers.ToListAsync()));

        TrustTier.Reached(tiers, card.Entitlements).ShouldNotBeNull().Code.ShouldBe("advanced");
        tiers.Select(t => t.Code).Order().ShouldBe(["advanced", "basic", "premium"]);
    }

    [Fact]
    public async Task Seed_RunTwiceMore_ChangesNothing()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var before = await CountAsync(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        }

        before.ShouldBe((3, 3, 1, 1));
        (await CountAsync(app)).ShouldBe(before);
    }
}
