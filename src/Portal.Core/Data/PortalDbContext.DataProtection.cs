using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Data;

/// <summary>
/// The data-protection key ring lives in the portal's database, so sign-in cookies, antiforgery
/// tokens and Identity's links survive a restart, a new machine or a second host (the jobs worker).
/// </summary>
public sealed partial class PortalDbContext : IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
