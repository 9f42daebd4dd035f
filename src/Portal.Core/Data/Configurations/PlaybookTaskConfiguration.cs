using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Journey;

namespace Portal.Core.Data.Configurations;

internal sealed class PlaybookTaskConfiguration : IEntityTypeConfiguration<PlaybookTask>
{
    public void Configure(EntityTypeBuilder<PlaybookTask> builder)
    {
        builder.ToTable("PlaybookTasks");
        builder.Property(t => t.Revision).IsConcurrencyToken();
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.TitleZh).HasMaxLength(200);
        builder.Property(t => t.TitleEn).HasMaxLength(200);
        builder.Property(t => t.DescriptionZh).HasMaxLength(1000);
        builder.Property(t => t.DescriptionEn).HasMaxLength(1000);
        builder.HasIndex(t => new { t.Area, t.SortOrder });
    }
}
