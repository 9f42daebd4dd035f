using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Data.Configurations;

internal sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> builder)
    {
        builder.ToTable("TierChanges");
        builder.Property(t => t.Explanation).HasMaxLength(500);
        builder.Property(t => t.Gmv).HasConversion(MetricStorage.Money);
        builder.Property(t => t.Threshold).HasConversion(MetricStorage.Money);
        builder.HasOne<Brand>().WithMany().HasForeignKey(t => t.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.BrandId, t.EffectiveFrom });
    }
}
