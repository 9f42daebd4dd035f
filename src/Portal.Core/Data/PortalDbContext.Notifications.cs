using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Comments;
using Portal.Core.Features.Notifications;

namespace Portal.Core.Data;

public sealed partial class PortalDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<NotifiedSource> NotifiedSources => Set<NotifiedSource>();

    public DbSet<BrandComment> BrandComments => Set<BrandComment>();

    public DbSet<BrandCommentMention> BrandCommentMentions => Set<BrandCommentMention>();
}
