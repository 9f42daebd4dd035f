using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Journey;

namespace Portal.Core.Data.Configurations;

internal sealed class BrandTaskConfiguration : IEntityTypeConfiguration<BrandTask>
{
    public void Configure(EntityTypeBuilder<BrandTask> builder)
    {
        builder.ToTable("BrandTasks");
        builder.HasKey(t => new { t.BrandId, t.PlaybookTaskId });
        builder.Property(t => t.EvidenceNote).HasMaxLength(JourneyLimits.NoteLength);
        builder.Property(t => t.EvidenceLink).HasMaxLength(JourneyLimits.LinkLength);
        builder.HasOne<Brand>().WithMany().HasForeignKey(t => t.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlaybookTask>().WithMany().HasForeignKey(t => t.PlaybookTaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.CompletedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(t => t.PlaybookTaskId);
    }
}
