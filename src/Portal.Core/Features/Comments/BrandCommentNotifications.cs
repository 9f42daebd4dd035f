using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Providers;

namespace Portal.Core.Features.Comments;

/// <summary>A post that passed every check: where it goes and who wrote it.</summary>
internal sealed record CommentPost(Guid BrandId, string BrandCode, Guid AuthorId, bool ByStaff, Guid? ParentId, bool IsInternal, List<Guid> Mentioned, string Body);

/// <summary>
/// Who hears of a comment, queued in the post's own save: the people mentioned; for a public post by staff the
/// brand's members (and the providers' people who wrote in that thread); for one by the brand the staff in the
/// thread and the account manager, or all staff. Kept apart from <see cref="BrandCommentService"/>, which decides
/// whether and where a post may go, because the audience rules change on their own (providers joined them) and
/// read more easily as one piece.
/// </summary>
internal static class BrandCommentNotifications
{
    /// <summary>Adds the post's notifications to a batch on <paramref name="db"/>; the caller saves, then publishes the batch.</summary>
    public static async Task<NotificationBatch> QueueAsync(PortalDbContext db, NotificationService notifications, TimeProvider clock, CommentPost post, CancellationToken cancellationToken)
    {
        var batch = new NotificationBatch();
        var author = await db.Users.Where(u => u.Id == post.AuthorId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        NotificationArg[] args = [NotificationArg.Plain(author), NotificationArg.Plain(Excerpt(post.Body))];
        if (post.Mentioned.Count > 0)
        {
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.Mention, post.IsInternal ? "Mention_Internal" : "Mention", post.BrandId, BrandCommentService.StaffPath(post.BrandCode), args),
                post.Mentioned, cancellationToken: cancellationToken);
        }

        if (post.IsInternal)
        {
            return batch;
        }

        if (post.ByStaff)
        {
            var members = await NotificationService.BrandMembersAsync(db, post.BrandId, cancellationToken);
            members = [.. members.Union(await ThreadProviderPeopleAsync(db, clock, post, cancellationToken))];
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.Comment, post.ParentId is null ? "Comment_FromStaff" : "Reply_FromStaff", post.BrandId, BrandCommentService.BrandPath(post.BrandCode), args),
                members.Where(id => id != post.AuthorId), cancellationToken: cancellationToken);
            return batch;
        }

        // The staff who took part in the public thread, and the account manager.
        var participants = await db.BrandComments.Where(c => c.BrandId == post.BrandId && !c.IsInternal && c.ByStaff)
            .Select(c => c.AuthorUserId).Distinct().ToListAsync(cancellationToken);
        var manager = await db.Brands.Where(b => b.Id == post.BrandId).Select(b => b.AccountManagerUserId).SingleAsync(cancellationToken);
        if (manager is { } m)
        {
            participants.Add(m);
        }

        if (participants.Count == 0)
        {
            participants = await NotificationService.StaffAsync(db, cancellationToken);
        }

        await notifications.AddAsync(db, batch,
            new NotificationMessage(NotificationKind.Comment, post.ParentId is null ? "Comment_FromBrand" : "Reply_FromBrand", post.BrandId, BrandCommentService.StaffPath(post.BrandCode), args),
            participants.Where(id => id != post.AuthorId && !post.Mentioned.Contains(id)), cancellationToken: cancellationToken);
        return batch;
    }

    /// <summary>
    /// The providers' people who wrote in the public thread of a reply, while their provider holds
    /// <see cref="DelegatedArea.Messages"/> for the brand: they work the messages for it, so they hear staff's answer.
    /// </summary>
    private static async Task<List<Guid>> ThreadProviderPeopleAsync(PortalDbContext db, TimeProvider clock, CommentPost post, CancellationToken cancellationToken)
    {
        if (post.ParentId is not { } root)
        {
            return [];
        }

        var writers = await db.BrandComments.Where(c => c.BrandId == post.BrandId && !c.IsInternal && !c.ByStaff && (c.Id == root || c.ParentId == root))
            .Select(c => c.AuthorUserId).Distinct().ToListAsync(cancellationToken);
        return await Delegations.WorkingAsync(db, writers, post.BrandId, DelegatedArea.Messages, PlatformTime.DayOf(clock.GetUtcNow()), cancellationToken);
    }

    private static string Excerpt(string body)
    {
        var line = body.ReplaceLineEndings(" ");
        return line.Length > 140 ? line[..140] + "…" : line;
    }
}
