using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.TrustCard;

/// <summary>Seeds the trust-card tiers (missing ones only; edited ones stay) and the demo brand's card at "advanced".</summary>
internal sealed class TrustCardSeeder(TimeProvider clock) : ISeedContributor
{
    public async Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.TrustTiers.Select(t => t.Code).ToListAsync(cancellationToken);
        db.TrustTiers.AddRange(TrustTierDefaults.Create().Where(t => !existing.Contains(t.Code)));
    }

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        if (await db.TrustCardCommitments.AnyAsync(c => c.BrandId == demo.DemoBrandId, cancellationToken))
        {
            return;
        }

        await TrustCardService.ApplyAsync(db, demo.DemoBrandId, TrustTierDefaults.Advanced, demo.BrandManagerId, clock.GetUtcNow(), cancellationToken);
    }
}
