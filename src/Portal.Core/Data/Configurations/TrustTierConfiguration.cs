using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.TrustCard;

namespace Portal.Core.Data.Configurations;

internal sealed class TrustTierConfiguration : IEntityTypeConfiguration<TrustTier>
{
    public void Configure(EntityTypeBuilder<TrustTier> builder)
    {
        builder.ToTable("TrustTiers");
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.NameZh).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(100);
        // A flags enum is stored by its names ("SevenDayReturns, FastShipping"): longer than one name.
        builder.Property(t => t.Entitlements).HasMaxLength(300);
    }
}
