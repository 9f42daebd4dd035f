using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Streams;

/// <summary>What a person may do with one brand's plans and commitments.</summary>
public enum BrandRight
{
    /// <summary>Nothing: the brand is not theirs (or does not exist); they must not learn which.</summary>
    None,

    /// <summary>Read only: SKA staff watch every brand but do not plan for it.</summary>
    View,

    /// <summary>Read and change: the brand's members.</summary>
    Edit,
}

/// <summary>
/// Decides <see cref="BrandRight"/> on the server for every read and write of the stream planner
/// and the trust card, whatever the page showed. Visibility follows <see cref="BrandDirectory"/>.
/// </summary>
public static class BrandRights
{
    public static async Task<BrandRight> OfAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, CancellationToken cancellationToken)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return BrandRight.None;
        }

        if (await BrandDirectory.MemberRoleAsync(db, userId, brandId, cancellationToken) is not null)
        {
            return BrandRight.Edit;
        }

        return BrandDirectory.IsStaff(user) && await db.Brands.AnyAsync(b => b.Id == brandId, cancellationToken)
            ? BrandRight.View
            : BrandRight.None;
    }
}
