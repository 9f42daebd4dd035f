using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Metrics;

namespace Portal.Core.Features.Notifications;

/// <summary>
/// Turns what the metrics evaluation recorded (milestone achievements, tier changes) and the daily stalled
/// list into notifications, without touching the evaluation itself: each source is marked in
/// <see cref="NotifiedSource"/> in the same transaction as its notifications, so running twice notifies once.
/// </summary>
public sealed class MetricsNotificationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationService notifications,
    MetricsReader reader,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<MetricsNotificationService> logger,
    Microsoft.Extensions.Localization.IStringLocalizer<MetricsStrings> strings)
{
    /// <summary>Notifies milestones reached and tier changes recorded in the last <c>Notifications:CatchUpDays</c> and not yet notified.</summary>
    public async Task<int> NotifyMilestonesAndTiersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-options.Value.CatchUpDays);

        var achievements = await db.MilestoneAchievements.AsNoTracking()
            .Where(a => a.CreatedAt >= since)
            .Join(db.MilestoneDefinitions, a => a.MilestoneDefinitionId, d => d.Id, (a, d) => new { a.Id, a.BrandId, a.Period, d.TitleZh, d.TitleEn })
            .ToListAsync(cancellationToken);
        var changes = await db.Set<Tiers.TierChange>().AsNoTracking()
            .Where(t => t.CreatedAt >= since)
            .ToListAsync(cancellationToken);
        var keys = achievements.Select(a => MilestoneKey(a.Id)).Concat(changes.Select(c => TierKey(c.Id))).ToList();
        if (keys.Count == 0)
        {
            return 0;
        }

        var done = (await db.NotifiedSources.Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken)).ToHashSet();
        var newAchievements = achievements.Where(a => !done.Contains(MilestoneKey(a.Id))).ToList();
        var newChanges = changes.Where(c => !done.Contains(TierKey(c.Id))).ToList();
        if (newAchievements.Count == 0 && newChanges.Count == 0)
        {
            return 0;
        }

        var brandIds = newAchievements.Select(a => a.BrandId).Concat(newChanges.Select(c => c.BrandId)).Distinct().ToList();
        var members = (await db.BrandMembers.Where(m => brandIds.Contains(m.BrandId)).Select(m => new { m.BrandId, m.UserId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.BrandId, m => m.UserId);
        var brands = await db.Brands.AsNoTracking().Where(b => brandIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Code, b.AccountManagerUserId })
            .ToDictionaryAsync(b => b.Id, cancellationToken);

        var batch = new NotificationBatch();
        foreach (var a in newAchievements)
        {
            var code = brands[a.BrandId].Code;
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.Milestone, "Milestone", a.BrandId, $"/brands/{code}/dashboard", [NotificationArg.Names(a.TitleZh, a.TitleEn), NotificationArg.Plain(a.Period)]),
                members[a.BrandId], cancellationToken: cancellationToken);
            db.NotifiedSources.Add(new NotifiedSource { Key = MilestoneKey(a.Id), ProcessedAt = now });
        }

        foreach (var c in newChanges)
        {
            var brand = brands[c.BrandId];
            var recipients = members[c.BrandId].ToList();
            if (brand.AccountManagerUserId is { } manager)
            {
                recipients.Add(manager);
            }

            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.TierChange, "TierChange", c.BrandId, $"/brands/{brand.Code}/dashboard",
                    [NotificationArg.Localized($"Tier_{c.From}"), NotificationArg.Localized($"Tier_{c.To}"), Explanation(c)]),
                recipients, cancellationToken: cancellationToken);
            db.NotifiedSources.Add(new NotifiedSource { Key = TierKey(c.Id), ProcessedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        notifications.Publish(batch);
        logger.LogInformation("Notified {Milestones} milestone(s) and {Tiers} tier change(s): {Notifications} notification(s), {Emails} e-mail(s)",
            newAchievements.Count, newChanges.Count, batch.Notifications, batch.EmailCount);
        return newAchievements.Count + newChanges.Count;
    }

    /// <summary>
    /// Tells each stalled brand's account manager, once per stall episode: an episode is named by the brand's
    /// last activity, so it is new only after the brand moved again and then stalled again.
    /// </summary>
    public async Task<int> NotifyStalledBrandsAsync(CancellationToken cancellationToken = default)
    {
        var stalled = await reader.GetStalledBrandsAsync(cancellationToken);
        if (stalled.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = stalled.Select(s => s.BrandId).ToList();
        var managers = await db.Brands.Where(b => ids.Contains(b.Id) && b.AccountManagerUserId != null)
            .ToDictionaryAsync(b => b.Id, b => b.AccountManagerUserId!.Value, cancellationToken);
        // A brand without an account manager is everyone's work: all staff hear of it.
        var candidates = stalled.Select(s => (Brand: s, Key: StallKey(s))).ToList();
        var keys = candidates.Select(c => c.Key).ToList();
        var done = (await db.NotifiedSources.Where(s => keys.Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var batch = new NotificationBatch();
        var count = 0;
        List<Guid>? staff = null;
        foreach (var (brand, key) in candidates.Where(c => !done.Contains(c.Key)))
        {
            var last = brand.LastFiguresOn is { } day ? NotificationArg.Plain(Portal.Core.Localization.PortalDates.Day(day)) : NotificationArg.Localized("Stalled_NoFigures");
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.StalledBrand, "StalledBrand", brand.BrandId, $"/ops/brands/{brand.Code}", [last]),
                managers.TryGetValue(brand.BrandId, out var manager) ? [manager] : staff ??= await NotificationService.StaffAsync(db, cancellationToken),
                cancellationToken: cancellationToken);
            db.NotifiedSources.Add(new NotifiedSource { Key = key, ProcessedAt = now });
            count++;
        }

        if (count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            notifications.Publish(batch);
            logger.LogInformation("Told staff of {Count} newly stalled brand(s)", count);
        }

        return count;
    }

    private static string MilestoneKey(Guid id) => $"milestone:{id:N}";

    private static string TierKey(Guid id) => $"tier:{id:N}";

    private static string StallKey(StalledBrand s) => $"stall:{s.BrandId:N}:{s.LastFiguresOn:yyyyMMdd}:{s.LastMilestoneOn:yyyyMMdd}";

    /// <summary>The change's sentence in each reader's language when its facts are stored; its stored text otherwise.</summary>
    private NotificationArg Explanation(Tiers.TierChange change)
    {
        var facts = Metrics.TierChangeFacts.Of(change);
        return facts is null
            ? NotificationArg.Plain(change.Explanation)
            : NotificationArg.Names(
                Metrics.TierExplanations.Render(strings, Localization.PortalCultures.Chinese, change.To, change.EffectiveFrom, facts, change.Explanation),
                Metrics.TierExplanations.Render(strings, Localization.PortalCultures.English, change.To, change.EffectiveFrom, facts, change.Explanation));
    }
}
