using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Metrics;

/// <summary>Seeds the default milestone definitions (missing codes only, so edits survive restarts).</summary>
internal sealed class MetricsSeedContributor : ISeedContributor
{
    public async Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.MilestoneDefinitions.Select(d => d.Code).ToListAsync(cancellationToken);
        db.MilestoneDefinitions.AddRange(MilestoneDefaults.Defaults().Where(d => !existing.Contains(d.Code)));
    }

    public Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken) => Task.CompletedTask;
}
