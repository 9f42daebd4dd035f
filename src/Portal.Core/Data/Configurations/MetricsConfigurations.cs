using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Metrics;

namespace Portal.Core.Data.Configurations;

/// <summary>How figures are stored: money as whole fen and rates as parts per ten thousand (INTEGER), so SQL can sum and compare them.</summary>
internal static class MetricStorage
{
    public const decimal FenPerYuan = 100m;
    public const decimal RateScale = 10_000m;

    public static readonly ValueConverter<decimal, long> Money = new(v => StoredValues.Fen(v), v => StoredValues.Yuan(v));

    public static readonly ValueConverter<decimal, long> Rate = new(v => StoredValues.Rate(v), v => v / RateScale);
}

internal sealed class DailyMetricConfiguration : IEntityTypeConfiguration<DailyMetric>
{
    public void Configure(EntityTypeBuilder<DailyMetric> builder)
    {
        builder.ToTable("DailyMetrics");
        builder.HasKey(m => new { m.BrandId, m.Date });
        builder.HasOne<Brand>().WithMany().HasForeignKey(m => m.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Gmv).HasConversion(MetricStorage.Money);
        builder.Property(m => m.DistributionGmv).HasConversion(MetricStorage.Money);
        builder.Property(m => m.AdSpend).HasConversion(MetricStorage.Money);
        builder.Property(m => m.AdGmv).HasConversion(MetricStorage.Money);
        builder.Property(m => m.RepurchaseRate).HasConversion(MetricStorage.Rate);
        builder.Ignore(m => m.SelfStreamGmv);
        builder.HasIndex(m => m.Date);
    }
}

internal sealed class MetricMonthConfiguration : IEntityTypeConfiguration<MetricMonth>
{
    public void Configure(EntityTypeBuilder<MetricMonth> builder)
    {
        builder.ToTable("MetricMonths");
        builder.HasKey(m => new { m.BrandId, m.Month });
        builder.Property(m => m.Month).HasMaxLength(7);
        builder.HasOne<Brand>().WithMany().HasForeignKey(m => m.BrandId).OnDelete(DeleteBehavior.Cascade);
        // Only raw SQL reads and writes these (the evaluation's set-based queries), so they are shadow properties.
        foreach (var (metric, _) in MetricMonth.Summarised)
        {
            builder.Property<long?>(MetricMonth.SumColumn(metric));
            builder.Property<long?>(MetricMonth.MaxColumn(metric));
            builder.Property<int>(MetricMonth.DaysColumn(metric));
        }
    }
}

internal sealed class PendingMetricsEvaluationConfiguration : IEntityTypeConfiguration<PendingMetricsEvaluation>
{
    public void Configure(EntityTypeBuilder<PendingMetricsEvaluation> builder)
    {
        builder.ToTable("PendingMetricsEvaluations");
        builder.HasKey(p => p.BrandId);
        // The queueing SQL inserts without it and adds one on conflict (MetricsIngestionService, MetricsPostgresIngestion).
        builder.Property(p => p.Version).HasDefaultValue(0L);
        builder.HasOne<Brand>().WithMany().HasForeignKey(p => p.BrandId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MilestoneDefinitionConfiguration : IEntityTypeConfiguration<MilestoneDefinition>
{
    public void Configure(EntityTypeBuilder<MilestoneDefinition> builder)
    {
        builder.ToTable("MilestoneDefinitions");
        builder.Property(m => m.Revision).IsConcurrencyToken();
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.TitleZh).HasMaxLength(200);
        builder.Property(m => m.TitleEn).HasMaxLength(200);
    }
}

internal sealed class MilestoneAchievementConfiguration : IEntityTypeConfiguration<MilestoneAchievement>
{
    public void Configure(EntityTypeBuilder<MilestoneAchievement> builder)
    {
        builder.ToTable("MilestoneAchievements");
        builder.HasOne<Brand>().WithMany().HasForeignKey(a => a.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MilestoneDefinition>().WithMany().HasForeignKey(a => a.MilestoneDefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.BrandId, a.MilestoneDefinitionId }).IsUnique();
        builder.HasIndex(a => a.MilestoneDefinitionId);
        builder.Property(a => a.Period).HasMaxLength(20);
    }
}

internal sealed class MetricsImportRecordConfiguration : IEntityTypeConfiguration<MetricsImportRecord>
{
    public void Configure(EntityTypeBuilder<MetricsImportRecord> builder)
    {
        builder.ToTable("MetricsImportRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ImportedByClientId).HasMaxLength(100);
        builder.HasOne<Brand>().WithMany().HasForeignKey(r => r.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.BrandId, r.CreatedAt });
    }
}
