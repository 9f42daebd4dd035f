using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Providers;

/// <summary>The provider a person acts for on one brand, and the areas the brand handed it today.</summary>
public sealed record ProviderActing(Guid ProviderId, string Code, string NameZh, string NameEn, DelegatedArea Areas)
{
    public bool Allows(DelegatedArea area) => area != DelegatedArea.None && (Areas & area) == area;
}

/// <summary>
/// Reads delegations for access decisions. <see cref="Brands.BrandDirectory"/> asks it on every call;
/// a delegation counts only while it runs (<see cref="BrandDelegation.IsActiveOn"/>), so one that ended
/// yesterday or was revoked a second ago grants nothing.
/// </summary>
public static class Delegations
{
    /// <summary>The brands the provider serves on <paramref name="today"/> or will serve later: a delegation not revoked and not ended.</summary>
    public static IQueryable<Guid> ServedOrScheduled(PortalDbContext db, Guid providerId, DateOnly today) =>
        db.BrandDelegations
            .Where(d => d.ProviderId == providerId && d.RevokedAt == null && (d.EndsOn == null || d.EndsOn >= today))
            .Select(d => d.BrandId)
            .Distinct();

    /// <summary>The user's provider and the areas it holds for the brand on <paramref name="today"/>; null when none runs.</summary>
    public static async Task<ProviderActing?> ActingAsync(PortalDbContext db, Guid userId, Guid brandId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from member in db.ProviderMembers
                where member.UserId == userId
                join provider in db.Providers on member.ProviderId equals provider.Id
                where provider.Status == ProviderStatus.Active
                join delegation in db.BrandDelegations on provider.Id equals delegation.ProviderId
                where delegation.BrandId == brandId && delegation.RevokedAt == null && delegation.StartsOn <= today
                      && (delegation.EndsOn == null || delegation.EndsOn >= today)
                select new { provider.Id, provider.Code, provider.NameZh, provider.NameEn, delegation.Areas })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var areas = rows.Aggregate(DelegatedArea.None, (all, row) => all | row.Areas);
        var first = rows[0];
        return new ProviderActing(first.Id, first.Code, first.NameZh, first.NameEn, areas);
    }

    /// <summary>
    /// The provider on whose behalf the user works for the brand right now, to store on what they write: their
    /// provider while one of its delegations runs on <paramref name="clock"/>'s platform day, and null when they
    /// are a member of the brand themselves (then they act as the brand) or no delegation runs.
    /// </summary>
    public static async Task<Guid?> OnBehalfOfAsync(PortalDbContext db, Guid userId, Guid brandId, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.BrandMembers.AnyAsync(m => m.BrandId == brandId && m.UserId == userId, cancellationToken))
        {
            return null;
        }

        return (await ActingAsync(db, userId, brandId, PlatformTime.DayOf(clock.GetUtcNow()), cancellationToken))?.ProviderId;
    }

    /// <summary>The provider the user belongs to, with their role; null for people outside every provider.</summary>
    public static async Task<(Provider Provider, ProviderRole Role)?> MembershipAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken = default)
    {
        var row = await db.ProviderMembers.Where(m => m.UserId == userId)
            .Join(db.Providers, m => m.ProviderId, p => p.Id, (m, p) => new { Provider = p, m.Role })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Provider, row.Role);
    }

    /// <summary>
    /// Of <paramref name="userIds"/>, the people whose provider holds <paramref name="area"/> for the brand on
    /// <paramref name="today"/> (a running delegation of an active provider); the rest are left out.
    /// </summary>
    public static async Task<List<Guid>> WorkingAsync(PortalDbContext db, IReadOnlyCollection<Guid> userIds, Guid brandId, DelegatedArea area, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return [];
        }

        var rows = await (
                from member in db.ProviderMembers
                where userIds.Contains(member.UserId)
                join provider in db.Providers on member.ProviderId equals provider.Id
                where provider.Status == ProviderStatus.Active
                join delegation in db.BrandDelegations on provider.Id equals delegation.ProviderId
                where delegation.BrandId == brandId && delegation.RevokedAt == null && delegation.StartsOn <= today
                      && (delegation.EndsOn == null || delegation.EndsOn >= today)
                select new { member.UserId, delegation.Areas })
            .ToListAsync(cancellationToken);
        // Areas are filtered here: flags stored as text do not translate to SQL bit tests.
        return rows.Where(r => (r.Areas & area) == area).Select(r => r.UserId).Distinct().ToList();
    }
}
