using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Brands;

namespace Portal.Core.Data.Configurations;

internal sealed class BrandInvitationConfiguration : IEntityTypeConfiguration<BrandInvitation>
{
    public void Configure(EntityTypeBuilder<BrandInvitation> builder)
    {
        builder.ToTable("BrandInvitations");
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.BrandId, i.Email });
        builder.HasOne<Brand>().WithMany().HasForeignKey(i => i.BrandId).OnDelete(DeleteBehavior.Cascade);
    }
}
