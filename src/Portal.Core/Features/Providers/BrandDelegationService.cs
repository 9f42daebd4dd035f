using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Live;

namespace Portal.Core.Features.Providers;

/// <summary>Where a delegation stands on a platform day.</summary>
public enum DelegationState
{
    Scheduled,
    Running,
    Ended,
    Revoked,
}

/// <summary>One delegation as the brand's providers page shows it.</summary>
public sealed record DelegationView(
    Guid Id,
    Guid ProviderId,
    string ProviderName,
    DelegatedArea Areas,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    DelegationState State,
    string GrantedBy,
    DateTimeOffset GrantedAt,
    string? RevokedBy,
    DateTimeOffset? RevokedAt);

/// <summary>An active provider a brand's owner may authorise.</summary>
public sealed record ProviderChoice(Guid Id, string Name);

/// <summary>A brand's delegations, current ones first; <paramref name="CanManage"/> for the brand's owner.</summary>
public sealed record BrandDelegationsView(IReadOnlyList<DelegationView> Delegations, IReadOnlyList<ProviderChoice> Providers, bool CanManage);

/// <summary>What the owner grants: a provider, areas and a period (platform days, both included; no end = until revoked).</summary>
public sealed record GrantDelegationRequest(Guid ProviderId, DelegatedArea Areas, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>
/// A brand's owner authorising providers for areas of the brand, and taking it back. Members and staff read the
/// list; only the owner changes it. Every change is told to open pages (<see cref="LiveKind"/>, keyed by brand id)
/// so a provider's page that lost its access shows "not found" at once.
/// </summary>
public sealed class BrandDelegationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<DelegationStrings> strings,
    ILiveUpdates live,
    TimeProvider clock)
{
    /// <summary>The live-update kind told when who may reach a brand changed; the key is the brand id ("D" format).</summary>
    public const string LiveKind = "brand-access";

    /// <summary>The areas a brand can delegate, in the order pages list them.</summary>
    public static readonly DelegatedArea[] AllAreas =
        [DelegatedArea.StreamPlans, DelegatedArea.StepsTasks, DelegatedArea.MetricsImport, DelegatedArea.Documents, DelegatedArea.Messages];

    /// <summary>The brand's delegations, for its members and staff; null for anyone else (providers' people included).</summary>
    public async Task<BrandDelegationsView?> ListAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null)
        {
            return null;
        }

        var role = await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken);
        if (role is null && !BrandDirectory.IsStaff(user))
        {
            return null;
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var culture = CultureInfo.CurrentUICulture;
        var rows = await (
                from d in db.BrandDelegations.AsNoTracking()
                where d.BrandId == brand.Id
                join p in db.Providers on d.ProviderId equals p.Id
                // Left joins: a delegation whose granting account is gone (or was seeded without one) still lists, and can be revoked.
                join g in db.Users on d.GrantedByUserId equals g.Id into grantors
                from g in grantors.DefaultIfEmpty()
                join r in db.Users on d.RevokedByUserId equals r.Id into revokers
                from r in revokers.DefaultIfEmpty()
                select new { Delegation = d, p.NameZh, p.NameEn, GrantedBy = g == null ? null : g.DisplayName, RevokedBy = r == null ? null : r.DisplayName })
            .ToListAsync(cancellationToken);
        var views = rows
            .Select(x => new DelegationView(
                x.Delegation.Id, x.Delegation.ProviderId, ProviderNames.Display(culture, x.NameZh, x.NameEn), x.Delegation.Areas,
                x.Delegation.StartsOn, x.Delegation.EndsOn, StateOf(x.Delegation, today), x.GrantedBy ?? strings["Delegation_UnknownGrantor"], x.Delegation.CreatedAt,
                x.RevokedBy, x.Delegation.RevokedAt))
            .OrderBy(v => v.State)
            .ThenByDescending(v => v.StartsOn)
            .ToList();
        var providers = role == BrandMemberRole.Owner
            ? (await db.Providers.AsNoTracking().Where(p => p.Status == ProviderStatus.Active)
                    .Select(p => new { p.Id, p.NameZh, p.NameEn }).ToListAsync(cancellationToken))
                .Select(p => new ProviderChoice(p.Id, ProviderNames.Display(culture, p.NameZh, p.NameEn)))
                .OrderBy(p => p.Name, Localization.NameOrder.Comparer)
                .ToList()
            : [];
        return new BrandDelegationsView(views, providers, role == BrandMemberRole.Owner);
    }

    /// <summary>The owner authorises a provider; refused (nothing written) unless the request is whole and no delegation of it runs or waits.</summary>
    public async Task<Outcome> GrantAsync(ClaimsPrincipal user, string code, GrantDelegationRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await OwnedBrandAsync(db, user, code, cancellationToken);
        if (brand is null)
        {
            return Outcome.Fail(strings["Refused_OwnerOnly"]);
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var errors = new List<string>();
        var provider = await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProviderId, cancellationToken);
        if (provider is null || provider.Status != ProviderStatus.Active)
        {
            errors.Add(strings["Validation_ProviderNotActive"]);
        }

        var known = AllAreas.Aggregate(DelegatedArea.None, (all, area) => all | area);
        if (request.Areas == DelegatedArea.None || (request.Areas & ~known) != 0)
        {
            errors.Add(strings["Validation_Areas"]);
        }

        if (request.StartsOn < today)
        {
            errors.Add(strings["Validation_StartsInPast"]);
        }

        if (request.EndsOn is { } end && end < request.StartsOn)
        {
            errors.Add(strings["Validation_EndsBeforeStart"]);
        }

        if (errors.Count > 0)
        {
            return Outcome.Fail(errors);
        }

        // One running or scheduled delegation per provider: change it by revoking and granting again. Checked under
        // the provider's hold, so two grants at once (two tabs) make one delegation, not two.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ProviderHold.HoldAsync(db, request.ProviderId, cancellationToken);
        if (!await db.Providers.AnyAsync(p => p.Id == request.ProviderId && p.Status == ProviderStatus.Active, cancellationToken))
        {
            return Outcome.Fail(strings["Validation_ProviderNotActive"]); // suspended meanwhile
        }

        var open = await db.BrandDelegations.AsNoTracking()
            .Where(d => d.BrandId == brand.Id && d.ProviderId == request.ProviderId && d.RevokedAt == null && (d.EndsOn == null || d.EndsOn >= today))
            .AnyAsync(cancellationToken);
        if (open)
        {
            return Outcome.Fail(strings["Refused_AlreadyDelegated"]);
        }

        db.BrandDelegations.Add(new BrandDelegation
        {
            BrandId = brand.Id,
            ProviderId = request.ProviderId,
            Areas = request.Areas,
            StartsOn = request.StartsOn,
            EndsOn = request.EndsOn,
            GrantedByUserId = BrandDirectory.UserId(user)!.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        live.Publish(LiveKind, brand.Id.ToString("D"));
        return Outcome.Ok;
    }

    /// <summary>The owner ends a delegation at once; its people's open pages of the brand turn to "not found".</summary>
    public async Task<Outcome> RevokeAsync(ClaimsPrincipal user, string code, Guid delegationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await OwnedBrandAsync(db, user, code, cancellationToken);
        if (brand is null)
        {
            return Outcome.Fail(strings["Refused_OwnerOnly"]);
        }

        var delegation = await db.BrandDelegations.SingleOrDefaultAsync(d => d.Id == delegationId && d.BrandId == brand.Id, cancellationToken);
        if (delegation is null)
        {
            return Outcome.Fail(strings["Refused_NotFound"]) with { NotFound = true };
        }

        if (delegation.RevokedAt is null)
        {
            delegation.RevokedAt = clock.GetUtcNow();
            delegation.RevokedByUserId = BrandDirectory.UserId(user);
            await db.SaveChangesAsync(cancellationToken);
        }

        live.Publish(LiveKind, brand.Id.ToString("D"));
        return Outcome.Ok;
    }

    /// <summary>Where <paramref name="delegation"/> stands on <paramref name="today"/>.</summary>
    public static DelegationState StateOf(BrandDelegation delegation, DateOnly today) =>
        delegation.RevokedAt is not null ? DelegationState.Revoked
        : delegation.StartsOn > today ? DelegationState.Scheduled
        : delegation.EndsOn is { } end && end < today ? DelegationState.Ended
        : DelegationState.Running;

    private static async Task<Brand?> OwnedBrandAsync(PortalDbContext db, ClaimsPrincipal user, string code, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        return brand is not null && await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken) == BrandMemberRole.Owner ? brand : null;
    }
}
