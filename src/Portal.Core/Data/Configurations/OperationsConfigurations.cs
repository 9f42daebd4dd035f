using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Operations;

namespace Portal.Core.Data.Configurations;

internal sealed class AccountManagerChangeConfiguration : IEntityTypeConfiguration<AccountManagerChange>
{
    public void Configure(EntityTypeBuilder<AccountManagerChange> builder)
    {
        builder.ToTable("AccountManagerChanges");
        builder.HasOne<Brand>().WithMany().HasForeignKey(c => c.BrandId).OnDelete(DeleteBehavior.Cascade);
        // History outlives a deleted account: the change stays, without the name.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.FromUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ToUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.BrandId, c.CreatedAt });
    }
}
