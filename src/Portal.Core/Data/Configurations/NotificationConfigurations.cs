using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Template).HasMaxLength(80);
        builder.Property(n => n.Link).HasMaxLength(400);
        builder.OwnsMany(n => n.Args, owned => owned.ToJson());
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Brand>().WithMany().HasForeignKey(n => n.BrandId).OnDelete(DeleteBehavior.Cascade);
        // The bell counts unread rows per user; the centre pages a user's rows newest first.
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
        builder.HasIndex(n => n.BrandId);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotifiedSourceConfiguration : IEntityTypeConfiguration<NotifiedSource>
{
    public void Configure(EntityTypeBuilder<NotifiedSource> builder)
    {
        builder.ToTable("NotifiedSources");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(120);
    }
}

internal sealed class BrandCommentConfiguration : IEntityTypeConfiguration<BrandComment>
{
    public void Configure(EntityTypeBuilder<BrandComment> builder)
    {
        builder.ToTable("BrandComments");
        builder.Property(c => c.Body).HasMaxLength(4000);
        builder.HasOne<Brand>().WithMany().HasForeignKey(c => c.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BrandComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Mentions).WithOne().HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.BrandId, c.IsInternal, c.CreatedAt });
        builder.HasIndex(c => c.ParentId);
    }
}

internal sealed class BrandCommentMentionConfiguration : IEntityTypeConfiguration<BrandCommentMention>
{
    public void Configure(EntityTypeBuilder<BrandCommentMention> builder)
    {
        builder.ToTable("BrandCommentMentions");
        builder.HasKey(m => new { m.CommentId, m.UserId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
