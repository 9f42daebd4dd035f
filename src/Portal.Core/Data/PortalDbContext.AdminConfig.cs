using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.AdminConfig;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<PortalSetting> PortalSettings => Set<PortalSetting>();
}
