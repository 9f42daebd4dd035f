using Portal.Core.Data;

namespace Portal.Core.Features.Seeding;

/// <summary>
/// A feature's part of seeding, so each feature seeds its own data without editing the seeder.
/// Implementations must be idempotent: seeding twice changes nothing.
/// </summary>
public interface ISeedContributor
{
    /// <summary>Reference data every database needs (categories, playbooks, tiers...). Runs on every start.</summary>
    Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken);

    /// <summary>Development demo data for the demo brand (Development or <c>Seed:DemoData</c> only).</summary>
    Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken);
}

/// <summary>What demo seeding has created so far, for contributors to build on.</summary>
public sealed record DemoSeedContext(Guid DemoBrandId, Guid BrandManagerId, Guid OperatorId, Guid AdminId);
