using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Seeding;

namespace Portal.Core.Features.Journey;

/// <summary>
/// Seeds the default STEPS playbook (missing tasks only, by code, so edits survive restarts) and,
/// for the demo brand, a journey under way: most of E done, the first T task in progress.
/// </summary>
internal sealed class JourneySeedContributor(TimeProvider clock) : ISeedContributor
{
    internal static readonly string[] DemoDoneTasks = ["e-list-hero-products", "e-set-commission", "e-first-influencers"];
    internal const string DemoInProgressTask = "t-first-promotion";

    public async Task SeedReferenceDataAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.PlaybookTasks.Select(t => t.Code).ToListAsync(cancellationToken);
        db.PlaybookTasks.AddRange(JourneyPlaybook.Defaults().Where(t => !existing.Contains(t.Code)));
    }

    public async Task SeedDemoDataAsync(PortalDbContext db, DemoSeedContext demo, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var code in DemoDoneTasks)
        {
            await EnsureAsync(db, demo.DemoBrandId, code, row =>
            {
                row.Status = BrandTaskStatus.Done;
                row.CompletedAt = now;
                row.CompletedByUserId = demo.BrandManagerId;
                row.CompletionSource = CompletionSource.Manual;
            }, now, cancellationToken);
        }

        await EnsureAsync(db, demo.DemoBrandId, DemoInProgressTask, row =>
        {
            row.Status = BrandTaskStatus.InProgress;
            row.EvidenceNote = "首批推广预算 ¥5,000 已申请 / first budget of ¥5,000 requested";
        }, now, cancellationToken);
    }

    // Only a task without any state gets demo state: what a person changed is left alone.
    private static async Task EnsureAsync(PortalDbContext db, Guid brandId, string code, Action<BrandTask> fill, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var task = await db.PlaybookTasks.SingleOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (task is null || await db.BrandTasks.AnyAsync(t => t.BrandId == brandId && t.PlaybookTaskId == task.Id, cancellationToken))
        {
            return;
        }

        var row = new BrandTask { BrandId = brandId, PlaybookTaskId = task.Id, UpdatedAt = now };
        fill(row);
        db.BrandTasks.Add(row);
    }
}
