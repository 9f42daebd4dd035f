using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Portfolio;

namespace Portal.Core.Data.Configurations;

internal sealed class BrandPortfolioRowConfiguration : IEntityTypeConfiguration<BrandPortfolioRow>
{
    public void Configure(EntityTypeBuilder<BrandPortfolioRow> builder)
    {
        builder.ToTable("BrandPortfolioRows");
        builder.HasKey(r => r.BrandId);
        builder.HasOne<Brand>().WithOne().HasForeignKey<BrandPortfolioRow>(r => r.BrandId).OnDelete(DeleteBehavior.Cascade);
        // Whole fen, like DailyMetrics: SQLite sorts and compares INTEGER, not decimal text.
        builder.Property(r => r.Gmv30).HasConversion(MetricStorage.Money);
        builder.Property(r => r.GmvPrev30).HasConversion(MetricStorage.Money);
        // The saved views and the sortable columns.
        builder.HasIndex(r => r.Gmv30);
        builder.HasIndex(r => r.Compliance);
        builder.HasIndex(r => r.NextExpiryOn);
        builder.HasIndex(r => r.LastActivityAt);
    }
}

/// <summary>The portfolio's default sort (name in the reader's language, then code): its first page walks an index instead of sorting every brand.</summary>
internal sealed class BrandPortfolioIndexes : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder)
    {
        builder.HasIndex(b => new { b.NameEn, b.Code });
        builder.HasIndex(b => new { b.NameZh, b.Code });
    }
}
