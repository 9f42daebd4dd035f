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
        builder.Property(r => r.Code).HasMaxLength(64);
        builder.Property(r => r.NameZh).HasMaxLength(200);
        builder.Property(r => r.NameEn).HasMaxLength(200);
        builder.Property(r => r.AccountManagerName).HasMaxLength(320);
        // No limit: a brand may be in every category admins define, 37 characters each.
        builder.Property(r => r.CategoryIds);

        // Every sort walks its own index in order, with the code as the unique tie-breaker, so a page
        // stops after its rows instead of sorting every match; the filters are checked on the way.
        builder.HasIndex(r => new { r.NameEn, r.Code });
        builder.HasIndex(r => new { r.NameZh, r.Code });
        builder.HasIndex(r => r.Code);
        // The stalled rule's three columns ride along, so the stalled view (and its count) is checked on the
        // index walk itself (SQLite defers the row lookup): stalled brands have the smallest GMV, and sorting
        // them by GMV would otherwise look up most of the table to find a page.
        builder.HasIndex(r => new { r.Gmv30, r.Code, r.CreatedAt, r.LastFiguresOn, r.LastMilestoneAt });
        builder.HasIndex(r => new { r.TrendPercent, r.Code });
        builder.HasIndex(r => new { r.LastActivityAt, r.Code });
        builder.HasIndex(r => new { r.CreatedAt, r.Code });

        // The saved views and filters that pick few brands.
        builder.HasIndex(r => r.AccountManagerUserId);
        builder.HasIndex(r => r.Compliance);
        builder.HasIndex(r => r.NextExpiryOn);
        // Every drain asks whether any row is from an earlier day (then it rebuilds all): a seek, not a scan.
        builder.HasIndex(r => r.AsOf);
        builder.HasIndex(r => new { r.Tier, r.Gmv30, r.Code, r.CreatedAt, r.LastFiguresOn, r.LastMilestoneAt });
        builder.HasIndex(r => new { r.Status, r.Code });
    }
}

internal sealed class PortfolioVersionConfiguration : IEntityTypeConfiguration<PortfolioVersion>
{
    public void Configure(EntityTypeBuilder<PortfolioVersion> builder)
    {
        builder.ToTable("PortfolioVersion");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new PortfolioVersion { Id = PortfolioVersion.SingleId, Value = 0 });
    }
}

internal sealed class PendingPortfolioRefreshConfiguration : IEntityTypeConfiguration<PendingPortfolioRefresh>
{
    public void Configure(EntityTypeBuilder<PendingPortfolioRefresh> builder)
    {
        builder.ToTable("PendingPortfolioRefreshes");
        builder.HasKey(p => p.Id);
        // Generated: a drain deletes exactly the rows it read, by id, never a row written after it read.
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        // No foreign key and no unique key: a deleted brand is queued too (its row must go), and duplicates coalesce.
    }
}
