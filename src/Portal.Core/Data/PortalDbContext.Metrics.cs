using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Metrics;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<DailyMetric> DailyMetrics => Set<DailyMetric>();

    public DbSet<MetricsImportRecord> MetricsImportRecords => Set<MetricsImportRecord>();

    public DbSet<MetricMonth> MetricMonths => Set<MetricMonth>();

    public DbSet<PendingMetricsEvaluation> PendingMetricsEvaluations => Set<PendingMetricsEvaluation>();

    public DbSet<MilestoneDefinition> MilestoneDefinitions => Set<MilestoneDefinition>();

    public DbSet<MilestoneAchievement> MilestoneAchievements => Set<MilestoneAchievement>();
}
