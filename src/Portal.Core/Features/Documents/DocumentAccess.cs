using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Documents;

/// <summary>What the document services ask the database about people and brands before they act.</summary>
internal static class DocumentAccess
{
    public static async Task<bool> IsMemberAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, CancellationToken cancellationToken) =>
        await BrandDirectory.MemberRoleAsync(db, user, brandId, cancellationToken) is not null;

    /// <summary>What decides which requirements apply to a brand: its categories and whether it owns its trademark.</summary>
    public static async Task<BrandFacts> FactsAsync(PortalDbContext db, Guid brandId, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().Where(b => b.Id == brandId).Select(b => new { b.TrademarkOwner, b.CompanyName }).SingleAsync(cancellationToken);
        var codes = await db.BrandCategories.Where(c => c.BrandId == brandId)
            .Join(db.Categories, bc => bc.CategoryId, c => c.Id, (bc, c) => c.Code).ToListAsync(cancellationToken);
        return new BrandFacts(codes, BrandFacts.OwnsTrademark(brand.TrademarkOwner, brand.CompanyName));
    }
}
