using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Journey;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<PlaybookTask> PlaybookTasks => Set<PlaybookTask>();

    public DbSet<BrandTask> BrandTasks => Set<BrandTask>();
}
