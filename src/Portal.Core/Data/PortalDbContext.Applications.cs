using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<Category> Categories => Set<Category>();

    public DbSet<BrandCategory> BrandCategories => Set<BrandCategory>();

    public DbSet<ApplicationEvent> ApplicationEvents => Set<ApplicationEvent>();

    public DbSet<BrandInvitation> BrandInvitations => Set<BrandInvitation>();
}
