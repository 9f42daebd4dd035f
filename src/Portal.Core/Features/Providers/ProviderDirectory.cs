using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Providers;

/// <summary>A provider as staff's list shows it.</summary>
/// <param name="BrandsServed">Brands with a delegation to it running today.</param>
public sealed record ProviderRow(Guid Id, string Code, string NameZh, string NameEn, ProviderCapability Capabilities, ProviderStatus Status, int Members, int BrandsServed, DateTimeOffset CreatedAt);

/// <summary>A person of a provider.</summary>
public sealed record ProviderMemberView(Guid UserId, string DisplayName, string Email, ProviderRole Role, DateTimeOffset JoinedAt);

/// <summary>One delegation of a brand to the provider, running or past.</summary>
/// <param name="LastDay">The end, or the day it was revoked; null while open-ended.</param>
public sealed record ProviderDelegationView(Guid Id, string BrandCode, string BrandNameZh, string BrandNameEn, DelegatedArea Areas, DateOnly StartsOn, DateOnly? LastDay, DateTimeOffset? RevokedAt, bool Running);

/// <summary>Everything staff's provider page shows, scorecard aside.</summary>
public sealed record ProviderDetails(
    Guid Id, string Code, string NameZh, string NameEn, string CompanyName, ProviderCapability Capabilities,
    string ContactName, string ContactEmail, string? ContactPhone, ProviderStatus Status, string? DecisionReason,
    DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt,
    IReadOnlyList<ProviderMemberView> Members, IReadOnlyList<ProviderDelegationView> Delegations)
{
    /// <summary>Delegations running today.</summary>
    public IEnumerable<ProviderDelegationView> Current => Delegations.Where(d => d.Running);

    /// <summary>Delegations that ended, were revoked or have not started.</summary>
    public IEnumerable<ProviderDelegationView> Others => Delegations.Where(d => !d.Running);
}

/// <summary>
/// Staff's reading of providers: the list (applications waiting first) and one provider with its people and the
/// brands it serves or served. Staff only; anyone else gets nothing, as if no provider existed.
/// </summary>
public sealed class ProviderDirectory(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The providers, optionally of one status: applications waiting first (oldest first), then by code. Null for non-staff.</summary>
    public async Task<IReadOnlyList<ProviderRow>?> ListAsync(ClaimsPrincipal staff, ProviderStatus? status = null, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(staff))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var providers = db.Providers.AsNoTracking();
        if (status is { } only)
        {
            providers = providers.Where(p => p.Status == only);
        }

        var rows = await providers
            .Select(p => new ProviderRow(p.Id, p.Code, p.NameZh, p.NameEn, p.Capabilities, p.Status,
                db.ProviderMembers.Count(m => m.ProviderId == p.Id),
                db.BrandDelegations.Where(d => d.ProviderId == p.Id && d.RevokedAt == null && d.StartsOn <= today && (d.EndsOn == null || d.EndsOn >= today))
                    .Select(d => d.BrandId).Distinct().Count(),
                p.CreatedAt))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Status == ProviderStatus.Applied ? 0 : 1)
            .ThenBy(r => r.Status == ProviderStatus.Applied ? r.CreatedAt : DateTimeOffset.MinValue)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One provider for staff; null for non-staff and for an unknown code.</summary>
    public async Task<ProviderDetails?> FindAsync(ClaimsPrincipal staff, string code, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(staff))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = ProviderFormRules.Normalize(code);
        var p = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Code == normalized, cancellationToken);
        if (p is null)
        {
            return null;
        }

        var members = await ProviderPeople.MembersAsync(db, p.Id, cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var delegations = (await db.BrandDelegations.AsNoTracking().Where(d => d.ProviderId == p.Id)
                .Join(db.Brands, d => d.BrandId, b => b.Id, (d, b) => new { Delegation = d, b.Code, b.NameZh, b.NameEn })
                .ToListAsync(cancellationToken))
            .Select(x => new ProviderDelegationView(x.Delegation.Id, x.Code, x.NameZh, x.NameEn, x.Delegation.Areas, x.Delegation.StartsOn,
                x.Delegation.LastDay, x.Delegation.RevokedAt, x.Delegation.IsActiveOn(today)))
            .OrderByDescending(d => d.Running)
            .ThenByDescending(d => d.StartsOn)
            .ThenBy(d => d.BrandCode, StringComparer.Ordinal)
            .ToList();
        return new ProviderDetails(p.Id, p.Code, p.NameZh, p.NameEn, p.CompanyName, p.Capabilities, p.ContactName, p.ContactEmail, p.ContactPhone,
            p.Status, p.DecisionReason, p.CreatedAt, p.DecidedAt, members, delegations);
    }
}
