using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Portfolio;
using Portal.Core.Features.Tiers;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Portfolio;

/// <summary>
/// The staff home's growth figures are computed again only when what they read has moved (brands, application
/// events, tier changes, the portfolio version): every kind of change shows, and nothing else recomputes them.
/// Each test has an app of its own, without demo data or a job server.
/// </summary>
public sealed class OperationsGrowthFreshnessTests : IAsyncLifetime
{
    private readonly PortalAppFactory app = new(settings: PortalAppFactory.EmptySettings());

    private System.Security.Claims.ClaimsPrincipal staff = null!;
    private Guid brandId;

    public async Task InitializeAsync()
    {
        brandId = await TestBrands.CreateWithOwnerAsync(app, "fresh-a", "fresh-a@example.test");
        staff = await TestBrands.CreateStaffAsync(app, "fresh-staff@example.test", "Freshness staff");
    }

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    private async Task<int> ReachedAsync(FunnelStage stage)
    {
        var snapshot = (await app.Services.GetRequiredService<OperationsOverview>().GetAsync(staff)).Value.ShouldNotBeNull();
        return snapshot.Funnel.Single(f => f.Stage == stage).Brands;
    }

    [Fact]
    public async Task Growth_NewBrand_ShowsAtOnce()
    {
        (await ReachedAsync(FunnelStage.Registered)).ShouldBe(1);

        await TestBrands.CreateWithOwnerAsync(app, "fresh-b", "fresh-b@example.test");

        (await ReachedAsync(FunnelStage.Registered)).ShouldBe(2);
    }

    [Fact]
    public async Task Growth_NewSubmission_ShowsAtOnce()
    {
        (await ReachedAsync(FunnelStage.Submitted)).ShouldBe(0);

        await app.WithDbAsync(db =>
        {
            db.ApplicationEvents.Add(new ApplicationEvent
            {
                BrandId = brandId, Action = ApplicationAction.Submit, ActorUserId = BrandDirectory.UserId(staff)!.Value,
                CreatedAt = app.Clock.GetUtcNow(), From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted,
            });
            return db.SaveChangesAsync();
        });

        (await ReachedAsync(FunnelStage.Submitted)).ShouldBe(1);
    }

    [Fact]
    public async Task Growth_NewPromotion_ShowsAtOnce()
    {
        (await ReachedAsync(FunnelStage.FirstSale)).ShouldBe(0);

        await app.WithDbAsync(db =>
        {
            db.Set<TierChange>().Add(new TierChange
            {
                BrandId = brandId, From = GrowthTier.NewStore, To = GrowthTier.RampUp, Explanation = "first sale",
                EffectiveFrom = PlatformTime.DayOf(app.Clock.GetUtcNow()), Source = TierChangeSource.Metrics, CreatedAt = app.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });

        (await ReachedAsync(FunnelStage.FirstSale)).ShouldBe(1);
    }

    [Fact]
    public async Task Growth_StatusWrittenWithoutAnEvent_ShowsOnceThePortfolioVersionMoves()
    {
        (await ReachedAsync(FunnelStage.Approved)).ShouldBe(0);

        // A repair straight in the table: no event, no new row, nothing queued. The figures stay as computed...
        await app.WithDbAsync(db => db.Brands.Where(b => b.Id == brandId)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, ApplicationStatus.Approved)));
        (await ReachedAsync(FunnelStage.Approved)).ShouldBe(0, "nothing the figures are keyed on moved, so they are not read again");

        // ...until the refresher copies the brand into its portfolio row and raises the version.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(PortfolioRefreshQueue.RaiseVersionSql));
        (await ReachedAsync(FunnelStage.Approved)).ShouldBe(1);
    }
}
