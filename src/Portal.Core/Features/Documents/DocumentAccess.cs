using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Documents;

/// <summary>What the document services ask the database about people and brands before they act.</summary>
internal static class DocumentAccess
{
    /// <summary>A member of the brand, or a provider's person while the brand delegates documents to it.</summary>
    public static Task<bool> MayWorkAsync(PortalDbContext db, ClaimsPrincipal user, Guid brandId, TimeProvider clock, CancellationToken cancellationToken) =>
        BrandDirectory.MayWorkAsync(db, user, brandId, Providers.DelegatedArea.Documents, clock, cancellationToken);

    /// <summary>What decides which requirements apply to a brand: its categories and whether it owns its trademark.</summary>
    public static async Task<BrandFacts> FactsAsync(PortalDbContext db, Guid brandId, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().Where(b => b.Id == brandId).Select(b => new { b.TrademarkOwner, b.CompanyName }).SingleAsync(cancellationToken);
        var codes = await db.BrandCategories.Where(c => c.BrandId == brandId)
            .Join(db.Categories, bc => bc.CategoryId, c => c.Id, (bc, c) => c.Code).ToListAsync(cancellationToken);
        return new BrandFacts(codes, BrandFacts.OwnsTrademark(brand.TrademarkOwner, brand.CompanyName));
    }
}
