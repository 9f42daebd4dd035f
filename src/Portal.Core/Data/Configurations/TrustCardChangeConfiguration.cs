using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.TrustCard;

namespace Portal.Core.Data.Configurations;

internal sealed class TrustCardChangeConfiguration : IEntityTypeConfiguration<TrustCardChange>
{
    public void Configure(EntityTypeBuilder<TrustCardChange> builder)
    {
        builder.ToTable("TrustCardChanges");
        builder.Property(c => c.Before).HasMaxLength(300);
        builder.Property(c => c.After).HasMaxLength(300);
        builder.HasOne<Brand>().WithMany().HasForeignKey(c => c.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.BrandId, c.CreatedAt });
    }
}
