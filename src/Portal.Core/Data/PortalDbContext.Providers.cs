using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Providers;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ProviderMember> ProviderMembers => Set<ProviderMember>();

    public DbSet<ProviderInvitation> ProviderInvitations => Set<ProviderInvitation>();

    public DbSet<BrandDelegation> BrandDelegations => Set<BrandDelegation>();
}
