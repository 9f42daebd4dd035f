using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Providers;
using Portal.Core.Localization;

namespace Portal.Core.Features.Brands;

/// <summary>A brand as a list shows it.</summary>
/// <param name="Provider">For a provider's member (not a member of the brand): the provider they act for and the areas it holds today.</param>
public sealed record BrandSummary(Guid Id, string Code, string NameZh, string NameEn, BrandMemberRole? MyRole, ProviderActing? Provider = null)
{
    /// <summary>Whether the reader may work in <paramref name="area"/>: members everywhere, a provider's people in its delegated areas.</summary>
    public bool MayWork(DelegatedArea area) => MyRole is not null || Provider?.Allows(area) == true;

    /// <summary>
    /// Whether the reader may see the brand's <paramref name="area"/> (<see cref="DelegatedArea.None"/>: the parts only
    /// members and staff see): members and staff see every part, a provider's people only their delegated areas.
    /// </summary>
    public bool Sees(DelegatedArea area) => Provider is null || Provider.Allows(area);
}

/// <summary>
/// Finds brands for a signed-in person. This is the one place that decides who may see a brand:
/// its members, staff (SKA operators and admins), and the people of a provider the brand delegated
/// areas to (only in those areas, only while the delegation runs: <see cref="Delegations"/>).
/// </summary>
public sealed class BrandDirectory(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.SkaOperator) || user.IsInRole(PortalRoles.Admin);

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The user's role in the brand, or null when they are not a member. Every service asks this, on every call.</summary>
    public static async Task<BrandMemberRole?> MemberRoleAsync(PortalDbContext db, Guid userId, Guid brandId, CancellationToken cancellationToken = default) =>
        await db.BrandMembers.Where(m => m.BrandId == brandId && m.UserId == userId).Select(m => (BrandMemberRole?)m.Role).SingleOrDefaultAsync(cancellationToken);

    /// <inheritdoc cref="MemberRoleAsync(PortalDbContext, Guid, Guid, CancellationToken)"/>
    public static async Task<BrandMemberRole?> MemberRoleAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId ? await MemberRoleAsync(db, userId, brandId, cancellationToken) : null;

    /// <summary>
    /// Whether the user may work in <paramref name="area"/> of the brand: a member may (any area), a provider's
    /// person only while a delegation of that area runs. Staff are not workers here (they read, see <see cref="IsStaff"/>).
    /// </summary>
    public static async Task<bool> MayWorkAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, DelegatedArea area, TimeProvider clock, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId && await MayWorkAsync(db, userId, brandId, area, clock, cancellationToken);

    /// <inheritdoc cref="MayWorkAsync(PortalDbContext, ClaimsPrincipal, Guid, DelegatedArea, TimeProvider, CancellationToken)"/>
    public static async Task<bool> MayWorkAsync(PortalDbContext db, Guid userId, Guid brandId, DelegatedArea area, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await MemberRoleAsync(db, userId, brandId, cancellationToken) is not null)
        {
            return true;
        }

        var acting = await Delegations.ActingAsync(db, userId, brandId, PlatformTime.DayOf(clock.GetUtcNow()), cancellationToken);
        return acting?.Allows(area) == true;
    }

    /// <summary>The brands the user is a member of, by name.</summary>
    public async Task<IReadOnlyList<BrandSummary>> MyBrandsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } userId)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brands = await db.BrandMembers
            .Where(m => m.UserId == userId)
            .Join(db.Brands, m => m.BrandId, b => b.Id, (m, b) => new { m.Role, Brand = b })
            .Select(x => new BrandSummary(x.Brand.Id, x.Brand.Code, x.Brand.NameZh, x.Brand.NameEn, x.Role))
            .ToListAsync(cancellationToken);
        // By the name the reader sees (pinyin for Chinese), the code breaking ties.
        var chinese = PortalCultures.Normalize(CultureInfo.CurrentUICulture.Name) == PortalCultures.Chinese;
        return brands.OrderBy(b => chinese ? b.NameZh : b.NameEn, NameOrder.Comparer).ThenBy(b => b.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The brand with this code if the user may see it; otherwise null, whether it exists or not.</summary>
    public async Task<BrandSummary?> FindAccessibleAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } userId)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staff = IsStaff(user);
        var found = await db.Brands
            .Where(b => b.Code == code)
            .Select(b => new
            {
                Brand = b,
                Membership = db.BrandMembers.Where(m => m.BrandId == b.Id && m.UserId == userId).Select(m => (BrandMemberRole?)m.Role).FirstOrDefault(),
            })
            .Select(x => new BrandSummary(x.Brand.Id, x.Brand.Code, x.Brand.NameZh, x.Brand.NameEn, x.Membership, null))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.MyRole is not null)
        {
            return found;
        }

        // Not a member: a provider's person sees the brand while a delegation runs; staff always.
        var acting = await Delegations.ActingAsync(db, userId, found.Id, PlatformTime.DayOf(clock.GetUtcNow()), cancellationToken);
        return acting is not null ? found with { Provider = acting }
            : staff ? found
            : null;
    }
}
