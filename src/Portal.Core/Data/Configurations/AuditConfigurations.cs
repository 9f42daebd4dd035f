using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Audit;

namespace Portal.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorName).HasMaxLength(256).IsRequired();
        builder.Property(e => e.ActorEmail).HasMaxLength(256);
        builder.Property(e => e.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityKey).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Operation).HasMaxLength(100);
        builder.Property(e => e.Changes).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        // One entry per position: two writers can never fork the chain.
        builder.HasIndex(e => e.Sequence).IsUnique();
        // The viewer pages newest first and filters by date, actor, entity type and brand (Brand 360 timeline).
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.BrandId, e.At });
        builder.HasIndex(e => new { e.ActorUserId, e.At });
        builder.HasIndex(e => new { e.EntityType, e.At });
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
    }
}
