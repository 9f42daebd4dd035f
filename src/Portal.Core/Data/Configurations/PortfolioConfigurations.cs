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
        builder.Property(r => r.CategoryIds).HasMaxLength(2000);

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

/// <summary>
/// The triggers that keep <see cref="BrandPortfolioRow"/>'s copies of the brand's columns equal to <c>Brands</c>
/// (created by the <c>PortfolioFlatRows</c> and <c>PortfolioRowNames</c> migrations). EF advises against SQLite's RETURNING clause on a table with
/// AFTER triggers, so EF writes <c>Brands</c> without it.
/// </summary>
internal sealed class BrandPortfolioTriggers : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder) =>
        builder.ToTable(table =>
        {
            table.HasTrigger(PortfolioRowTriggers.Insert);
            table.HasTrigger(PortfolioRowTriggers.Update);
            table.UseSqlReturningClause(false);
        });
}

/// <summary>
/// The names of the triggers on <c>Brands</c> that keep the portfolio row's brand columns in step (created by the
/// <c>PortfolioFlatRows</c> migration, recreated with the manager's name by <c>PortfolioRowNames</c>; the triggers on
/// <c>AspNetUsers</c>, <c>BrandCategories</c>, <c>Categories</c> and the rows themselves are in those migrations too).
/// </summary>
public static class PortfolioRowTriggers
{
    public const string Insert = "TR_Brands_PortfolioRow_Insert";

    public const string Update = "TR_Brands_PortfolioRow_Update";
}
