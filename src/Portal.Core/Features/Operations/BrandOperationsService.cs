using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;

namespace Portal.Core.Features.Operations;

/// <summary>A brand as the staff's Brand 360 page heads it.</summary>
public sealed record Brand360Header(
    Guid Id,
    string Code,
    string NameZh,
    string NameEn,
    ApplicationStatus Status,
    GrowthTier Tier,
    string? CompanyName,
    Guid? AccountManagerUserId,
    string? AccountManagerName,
    DateTimeOffset CreatedAt)
{
    /// <summary>The brand for components that take a <see cref="BrandSummary"/> (staff are not members: no role).</summary>
    public BrandSummary Summary => new(Id, Code, NameZh, NameEn, null);
}

/// <summary>An SKA staff member, for the account-manager picker.</summary>
public sealed record StaffMember(Guid Id, string DisplayName, string Email);

/// <summary>
/// The staff-only actions of the SKA operations console on one brand: read its header, override its
/// tier with a reason, assign its account manager. Every call checks that the caller is staff.
/// </summary>
public sealed class BrandOperationsService(
    IDbContextFactory<PortalDbContext> dbFactory,
    GrowthPathService growth,
    IStringLocalizer<OperationsStrings> strings,
    TimeProvider clock)
{
    /// <summary>The longest reason a tier override may carry (it becomes the tier change's explanation).</summary>
    public const int MaxReasonLength = 400;

    /// <summary>The brand with this code, for staff; null for anyone else and for an unknown code (both answer Not Found).</summary>
    public async Task<Brand360Header?> FindAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return null;
        }

        var normalized = code.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Brands.AsNoTracking()
            .Where(b => b.Code == normalized)
            .Select(b => new Brand360Header(
                b.Id, b.Code, b.NameZh, b.NameEn, b.Status, b.Tier, b.CompanyName, b.AccountManagerUserId,
                db.Users.Where(u => u.Id == b.AccountManagerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                b.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every SKA operator and admin, by name; empty for anyone who is not staff.</summary>
    public async Task<IReadOnlyList<StaffMember>> StaffMembersAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StaffQuery(db)
            .OrderBy(u => EF.Functions.Collate(u.DisplayName, NameOrder.Collation))
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Moves the brand to <paramref name="to"/> from today, recorded as a staff override with the
    /// reason as its explanation. Staff only; the reason is required.
    /// </summary>
    public async Task<Outcome> OverrideTierAsync(ClaimsPrincipal user, Guid brandId, GrowthTier to, string? reason, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user) || BrandDirectory.UserId(user) is not { } staffId)
        {
            return Outcome.Fail(strings["Operations_StaffOnly"]);
        }

        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Outcome.Fail(strings["Operations_ReasonRequired"]);
        }

        if (text.Length > MaxReasonLength)
        {
            return Outcome.Fail(strings["Operations_ReasonTooLong", MaxReasonLength]);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Brands.AnyAsync(b => b.Id == brandId, cancellationToken))
            {
                return Outcome.Fail(strings["Operations_BrandNotFound"]);
            }
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var change = await growth.RecordTierChangeAsync(brandId, to, today, text, TierChangeSource.Override, staffId, cancellationToken);
        return change is null ? Outcome.Fail(strings["Operations_SameTier"]) : Outcome.Ok;
    }

    /// <summary>
    /// Makes <paramref name="managerId"/> the brand's account manager (null removes the assignment)
    /// and records the change. Staff only; the manager must be staff too.
    /// </summary>
    public async Task<Outcome> AssignAccountManagerAsync(ClaimsPrincipal user, Guid brandId, Guid? managerId, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user) || BrandDirectory.UserId(user) is not { } staffId)
        {
            return Outcome.Fail(strings["Operations_StaffOnly"]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null)
        {
            return Outcome.Fail(strings["Operations_BrandNotFound"]);
        }

        if (managerId is { } id && !await StaffQuery(db).AnyAsync(u => u.Id == id, cancellationToken))
        {
            return Outcome.Fail(strings["Operations_NotStaffUser"]);
        }

        if (brand.AccountManagerUserId == managerId)
        {
            return Outcome.Fail(strings["Operations_SameManager"]);
        }

        db.AccountManagerChanges.Add(new AccountManagerChange
        {
            BrandId = brand.Id,
            FromUserId = brand.AccountManagerUserId,
            ToUserId = managerId,
            ChangedByUserId = staffId,
        });
        brand.AccountManagerUserId = managerId;
        // The brand's version guards the history: of two assignments at once, the second is refused rather than
        // recorded as a change from the manager the first one replaced.
        brand.Version++;
        return await db.SaveOrRefuseAsync(strings["Operations_ChangedMeanwhile"], cancellationToken);
    }

    private static IQueryable<PortalUser> StaffQuery(PortalDbContext db) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == PortalRoles.SkaOperator || r.Name == PortalRoles.Admin))));
}
