using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Streams;
using Portal.Core.Features.TrustCard;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<StreamPlan> StreamPlans => Set<StreamPlan>();

    public DbSet<TrustTier> TrustTiers => Set<TrustTier>();

    public DbSet<TrustCardCommitment> TrustCardCommitments => Set<TrustCardCommitment>();

    public DbSet<TrustCardChange> TrustCardChanges => Set<TrustCardChange>();
}
