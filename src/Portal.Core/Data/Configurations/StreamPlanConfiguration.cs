using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Streams;

namespace Portal.Core.Data.Configurations;

internal sealed class StreamPlanConfiguration : IEntityTypeConfiguration<StreamPlan>
{
    public void Configure(EntityTypeBuilder<StreamPlan> builder)
    {
        builder.ToTable("StreamPlans");
        builder.Property(p => p.Title).HasMaxLength(StreamPlanValidator.TitleMaxLength);
        builder.Property(p => p.Host).HasMaxLength(StreamPlanValidator.HostMaxLength);
        builder.HasOne<Brand>().WithMany().HasForeignKey(p => p.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        // The calendar asks for one brand's streams between two instants.
        builder.HasIndex(p => new { p.BrandId, p.StartAt });

        // Each STAGE section is an owned JSON column: a section is always loaded and saved with its
        // plan and never queried across plans, so a document per section keeps the checklist easy to
        // extend without five child tables and their joins (see StreamPlan's remarks).
        builder.OwnsOne(p => p.Shaping, s =>
        {
            s.ToJson();
            s.OwnsMany(x => x.Products);
        });
        builder.OwnsOne(p => p.Timing, s =>
        {
            s.ToJson();
            s.OwnsMany(x => x.Segments);
        });
        builder.OwnsOne(p => p.Flow, s => s.ToJson());
        builder.OwnsOne(p => p.Gifts, s =>
        {
            s.ToJson();
            s.OwnsMany(x => x.Items);
        });
        builder.OwnsOne(p => p.EarlyContent, s => s.ToJson());
        builder.OwnsOne(p => p.Results, s => s.ToJson());
        builder.Navigation(p => p.Shaping).IsRequired();
        builder.Navigation(p => p.Timing).IsRequired();
        builder.Navigation(p => p.Flow).IsRequired();
        builder.Navigation(p => p.Gifts).IsRequired();
        builder.Navigation(p => p.EarlyContent).IsRequired();
    }
}
