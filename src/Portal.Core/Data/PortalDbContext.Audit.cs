using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Audit;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
}
