using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Brands;
using Portal.Core.Features.TrustCard;

namespace Portal.Core.Data.Configurations;

internal sealed class TrustCardCommitmentConfiguration : IEntityTypeConfiguration<TrustCardCommitment>
{
    public void Configure(EntityTypeBuilder<TrustCardCommitment> builder)
    {
        builder.ToTable("TrustCardCommitments");
        builder.HasKey(c => c.BrandId);
        builder.Property(c => c.Entitlements).HasMaxLength(300);
        builder.HasOne<Brand>().WithOne().HasForeignKey<TrustCardCommitment>(c => c.BrandId).OnDelete(DeleteBehavior.Cascade);
    }
}
