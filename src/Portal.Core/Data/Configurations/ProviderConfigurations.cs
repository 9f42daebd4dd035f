using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Providers;

namespace Portal.Core.Data.Configurations;

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> builder)
    {
        builder.ToTable("Providers");
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.NameZh).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
        builder.Property(p => p.CompanyName).HasMaxLength(200);
        // Flags are stored as their names ("TrafficMarketing, SupplyChain"), longer than a plain enum's.
        builder.Property(p => p.Capabilities).HasMaxLength(200);
        builder.Property(p => p.ContactName).HasMaxLength(100);
        builder.Property(p => p.ContactEmail).HasMaxLength(320);
        builder.Property(p => p.ContactPhone).HasMaxLength(40);
        builder.Property(p => p.DecisionReason).HasMaxLength(2000);
        builder.HasIndex(p => new { p.Status, p.CreatedAt });
        // Every write of a provider moves its status from the one it read (a decision from Applied, a new application
        // from Rejected): of two at once, the second finds the status changed and is refused, not applied as well.
        builder.Property(p => p.Status).IsConcurrencyToken();
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderMemberConfiguration : IEntityTypeConfiguration<ProviderMember>
{
    public void Configure(EntityTypeBuilder<ProviderMember> builder)
    {
        builder.ToTable("ProviderMembers");
        builder.HasKey(m => new { m.ProviderId, m.UserId });
        // A person works for one provider at a time.
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderInvitationConfiguration : IEntityTypeConfiguration<ProviderInvitation>
{
    public void Configure(EntityTypeBuilder<ProviderInvitation> builder)
    {
        builder.ToTable("ProviderInvitations");
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.ProviderId, i.Email });
        builder.HasOne<Provider>().WithMany().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BrandDelegationConfiguration : IEntityTypeConfiguration<BrandDelegation>
{
    public void Configure(EntityTypeBuilder<BrandDelegation> builder)
    {
        builder.ToTable("BrandDelegations");
        builder.Property(d => d.Areas).HasMaxLength(200);
        builder.Ignore(d => d.LastDay);
        builder.HasIndex(d => new { d.BrandId, d.ProviderId });
        builder.HasIndex(d => d.ProviderId);
        builder.HasOne<Brand>().WithMany().HasForeignKey(d => d.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Provider>().WithMany().HasForeignKey(d => d.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}
