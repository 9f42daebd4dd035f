using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Portfolio;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<BrandPortfolioRow> BrandPortfolioRows => Set<BrandPortfolioRow>();

    public DbSet<PortfolioVersion> PortfolioVersions => Set<PortfolioVersion>();

    public DbSet<PendingPortfolioRefresh> PendingPortfolioRefreshes => Set<PendingPortfolioRefresh>();
}
