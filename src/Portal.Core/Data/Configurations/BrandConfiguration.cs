using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;

namespace Portal.Core.Data.Configurations;

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder)
    {
        builder.ToTable("Brands");
        builder.Property(b => b.Code).HasMaxLength(64);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.NameZh).HasMaxLength(200);
        builder.Property(b => b.NameEn).HasMaxLength(200);
        builder.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(b => b.CompanyName).HasMaxLength(200);
        builder.Property(b => b.ContactName).HasMaxLength(100);
        builder.Property(b => b.ContactPhone).HasMaxLength(40);
        builder.Property(b => b.ContactEmail).HasMaxLength(320);
        builder.Property(b => b.StoreId).HasMaxLength(64);
        builder.Property(b => b.TrademarkNumber).HasMaxLength(64);
        builder.Property(b => b.TrademarkOwner).HasMaxLength(200);
        builder.Property(b => b.LastDecisionReason).HasMaxLength(2000);
        builder.OwnsMany(b => b.AuthorizationChain, owned => owned.ToJson());
        builder.OwnsMany(b => b.OpenChangeRequests, owned => owned.ToJson());
        builder.Property(b => b.Version).IsConcurrencyToken();
        // The review queue: submitted brands, oldest first.
        builder.HasIndex(b => new { b.Status, b.SubmittedAt });
        builder.HasIndex(b => b.AccountManagerUserId);
    }
}

internal sealed class BrandMemberConfiguration : IEntityTypeConfiguration<BrandMember>
{
    public void Configure(EntityTypeBuilder<BrandMember> builder)
    {
        builder.ToTable("BrandMembers");
        builder.HasKey(m => new { m.BrandId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
