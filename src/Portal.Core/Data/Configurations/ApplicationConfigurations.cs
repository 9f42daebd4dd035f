using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;

namespace Portal.Core.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.Property(c => c.Code).HasMaxLength(64);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameZh).HasMaxLength(100);
        builder.Property(c => c.NameEn).HasMaxLength(100);
    }
}

internal sealed class BrandCategoryConfiguration : IEntityTypeConfiguration<BrandCategory>
{
    public void Configure(EntityTypeBuilder<BrandCategory> builder)
    {
        builder.ToTable("BrandCategories");
        builder.HasKey(c => new { c.BrandId, c.CategoryId });
        builder.HasOne<Brand>().WithMany(b => b.Categories).HasForeignKey(c => c.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.ToTable("ApplicationEvents");
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.OwnsMany(e => e.FieldReasons, owned => owned.ToJson());
        builder.HasOne<Brand>().WithMany().HasForeignKey(e => e.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.BrandId, e.CreatedAt });
    }
}
