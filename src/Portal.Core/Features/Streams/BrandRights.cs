using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;

namespace Portal.Core.Features.Streams;

/// <summary>What a person may do with one brand's plans and commitments.</summary>
public enum BrandRight
{
    /// <summary>Nothing: the brand is not theirs (or does not exist); they must not learn which.</summary>
    None,

    /// <summary>Read only: SKA staff watch every brand but do not plan for it.</summary>
    View,

    /// <summary>Read and change: the brand's members, and a provider's people in an area delegated to them.</summary>
    Edit,
}

/// <summary>
/// Decides <see cref="BrandRight"/> on the server for every read and write of the stream planner
/// and the trust card, whatever the page showed. Visibility follows <see cref="BrandDirectory"/>.
/// </summary>
public static class BrandRights
{
    /// <summary>
    /// Members edit, staff view, anyone else nothing; with an <paramref name="area"/> other than
    /// <see cref="DelegatedArea.None"/>, a provider's person may edit too while a delegation of it runs on
    /// <paramref name="clock"/>'s platform day (<see cref="BrandDirectory.MayWorkAsync"/>).
    /// </summary>
    public static async Task<BrandRight> OfAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, DelegatedArea area, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return BrandRight.None;
        }

        if (await BrandDirectory.MemberRoleAsync(db, userId, brandId, cancellationToken) is not null)
        {
            return BrandRight.Edit;
        }

        if (area != DelegatedArea.None && await BrandDirectory.MayWorkAsync(db, user, brandId, area, clock, cancellationToken))
        {
            return BrandRight.Edit;
        }

        return BrandDirectory.IsStaff(user) && await db.Brands.AnyAsync(b => b.Id == brandId, cancellationToken)
            ? BrandRight.View
            : BrandRight.None;
    }
}
