using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Accounts;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
}
