using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Documents;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<RequirementRule> RequirementRules => Set<RequirementRule>();

    public DbSet<RecognisedAgency> RecognisedAgencies => Set<RecognisedAgency>();

    public DbSet<ReviewReason> ReviewReasons => Set<ReviewReason>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentDecision> DocumentDecisions => Set<DocumentDecision>();

    public DbSet<DocumentNotice> DocumentNotices => Set<DocumentNotice>();
}
