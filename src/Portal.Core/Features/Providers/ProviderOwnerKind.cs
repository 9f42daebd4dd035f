using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Administration;

namespace Portal.Core.Features.Providers;

/// <summary>
/// API clients owned by a provider (<see cref="ApiClientOwner.ProviderKind"/>, references = [provider code]): they
/// reach the brands the provider serves today with <see cref="DelegatedArea.MetricsImport"/> handed over. Resolved
/// from the database on every request (<see cref="ApiClientBrandScopes"/> caches nothing), so a revoked or ended
/// delegation, or a provider no longer active, takes the brand out of scope at once.
/// </summary>
internal sealed class ProviderOwnerKind(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : IApiClientOwnerKind
{
    public string Kind => ApiClientOwner.ProviderKind;

    public async Task<BrandScope> ResolveAsync(ApiClientOwner owner, CancellationToken cancellationToken)
    {
        if (owner.References is not [var code])
        {
            return BrandScope.Nothing;
        }

        var today = PlatformTime.DayOf(clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await (
                from provider in db.Providers
                where provider.Code == code && provider.Status == ProviderStatus.Active
                join delegation in db.BrandDelegations on provider.Id equals delegation.ProviderId
                where delegation.RevokedAt == null && delegation.StartsOn <= today && (delegation.EndsOn == null || delegation.EndsOn >= today)
                join brand in db.Brands on delegation.BrandId equals brand.Id
                select new { brand.Code, delegation.Areas })
            .ToListAsync(cancellationToken);
        // Areas are stored as text: the flag is tested here.
        return BrandScope.Only(running.Where(r => (r.Areas & DelegatedArea.MetricsImport) == DelegatedArea.MetricsImport).Select(r => r.Code));
    }
}
