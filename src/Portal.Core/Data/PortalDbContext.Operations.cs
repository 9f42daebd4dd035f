using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Operations;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<AccountManagerChange> AccountManagerChanges => Set<AccountManagerChange>();
}
