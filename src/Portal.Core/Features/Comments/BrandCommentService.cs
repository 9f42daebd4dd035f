using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;
using Portal.Core.Localization;

namespace Portal.Core.Features.Comments;

/// <summary>A comment as its reader sees it; replies nested one level.</summary>
public sealed record CommentView(
    Guid Id,
    string AuthorName,
    bool ByStaff,
    bool IsInternal,
    string Body,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<CommentView> Replies);

/// <summary>A brand's thread for one reader. <see cref="InternalNotes"/> is always empty for a brand member.</summary>
public sealed record CommentThread(Guid BrandId, string BrandCode, bool ViewerIsStaff, IReadOnlyList<CommentView> Public, IReadOnlyList<CommentView> InternalNotes);

/// <summary>What someone writes. A reply names its <see cref="ParentId"/> and takes the parent's visibility.</summary>
public sealed record NewComment(string Body, Guid? ParentId = null, bool Internal = false, IReadOnlyList<Guid>? Mentions = null);

/// <summary>A staff member someone can mention.</summary>
public sealed record StaffChoice(Guid UserId, string DisplayName, string Email);

/// <summary>
/// Comments on a brand: a thread its members and staff share, and internal notes for staff only.
/// Every call checks who is asking: members of that brand or staff, otherwise "not found" exactly as for a
/// brand that does not exist; internal notes are filtered here, in the query, so no page or API can leak one.
/// A post tells the brand's open threads through <see cref="BrandCommentHub"/> once it is saved.
/// </summary>
public sealed class BrandCommentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationService notifications,
    BrandCommentHub hub,
    IStringLocalizer<NotificationStrings> strings)
{
    public const int MaxBodyLength = 4000;

    /// <summary>Where staff read a brand's comments: its Brand 360 page (the thread and notes sit below the tabs).</summary>
    public static string StaffPath(string brandCode) => $"/ops/brands/{brandCode}";

    /// <summary>Where brand members read the thread.</summary>
    public static string BrandPath(string brandCode) => $"/brands/{brandCode}/messages";

    public async Task<CommentThread?> ThreadAsync(ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await AccessAsync(db, user, brandCode, cancellationToken);
        if (access is null)
        {
            return null;
        }

        var staff = access.Value.Staff;
        var rows = await db.BrandComments.AsNoTracking()
            .Where(c => c.BrandId == access.Value.BrandId && (staff || !c.IsInternal))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.ParentId,
                c.ByStaff,
                c.IsInternal,
                c.Body,
                c.CreatedAt,
                Author = db.Users.Where(u => u.Id == c.AuthorUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                Mentions = c.Mentions.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName).ToList(),
            })
            .ToListAsync(cancellationToken);

        var replies = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var top = rows.Where(r => r.ParentId is null)
            .Select(r => new CommentView(r.Id, r.Author, r.ByStaff, r.IsInternal, r.Body, r.CreatedAt, r.Mentions,
                replies[r.Id].Select(x => new CommentView(x.Id, x.Author, x.ByStaff, x.IsInternal, x.Body, x.CreatedAt, x.Mentions, [])).ToList()))
            .ToList();
        return new CommentThread(access.Value.BrandId, brandCode, staff, top.Where(c => !c.IsInternal).ToList(), staff ? top.Where(c => c.IsInternal).ToList() : []);
    }

    /// <summary>Posts a comment, reply or (staff) internal note, and tells the people concerned.</summary>
    public async Task<Outcome<Guid>> PostAsync(ClaimsPrincipal user, string brandCode, NewComment request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await AccessAsync(db, user, brandCode, cancellationToken);
        if (access is null || BrandDirectory.UserId(user) is not { } userId)
        {
            return Outcome<Guid>.Missing(strings["Refused_BrandNotFound"]);
        }

        var (brandId, staff) = access.Value;
        var body = request.Body?.Trim() ?? "";
        if (body.Length == 0)
        {
            return Outcome<Guid>.Fail(strings["Refused_CommentEmpty"]);
        }

        if (body.Length > MaxBodyLength)
        {
            return Outcome<Guid>.Fail(strings["Refused_CommentTooLong", MaxBodyLength]);
        }

        if (request.Internal && !staff)
        {
            return Outcome<Guid>.Fail(strings["Refused_InternalStaffOnly"]);
        }

        var isInternal = request.Internal;
        Guid? parentId = null;
        if (request.ParentId is { } wanted)
        {
            // A reply to a reply joins its parent's thread; a parent the person may not see does not exist for them.
            var parent = await db.BrandComments.AsNoTracking()
                .Where(c => c.Id == wanted && c.BrandId == brandId && (staff || !c.IsInternal))
                .Select(c => new { c.Id, c.ParentId, c.IsInternal })
                .SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                return Outcome<Guid>.Fail(strings["Refused_CommentNotFound"]);
            }

            // A reply takes its parent's visibility. Asked for a note under a public comment, it would be
            // published to the brand: refuse rather than let words meant for staff reach it.
            if (request.Internal && !parent.IsInternal)
            {
                return Outcome<Guid>.Fail(strings["Refused_InternalReplyToPublic"]);
            }

            parentId = parent.ParentId ?? parent.Id;
            isInternal = parent.IsInternal;
        }

        if (isInternal && !staff)
        {
            return Outcome<Guid>.Fail(strings["Refused_InternalStaffOnly"]);
        }

        var mentioned = (request.Mentions ?? []).Distinct().Where(id => id != userId).ToList();
        if (mentioned.Count > 0)
        {
            if (!staff)
            {
                return Outcome<Guid>.Fail(strings["Refused_MentionStaffOnly"]);
            }

            var known = await NotificationService.StaffQuery(db).CountAsync(u => mentioned.Contains(u.Id), cancellationToken);
            if (known != mentioned.Count)
            {
                return Outcome<Guid>.Fail(strings["Refused_MentionNotStaff"]);
            }
        }

        var comment = new BrandComment { BrandId = brandId, ParentId = parentId, AuthorUserId = userId, ByStaff = staff, IsInternal = isInternal, Body = body };
        comment.Mentions.AddRange(mentioned.Select(id => new BrandCommentMention { CommentId = comment.Id, UserId = id }));
        db.BrandComments.Add(comment);

        var batch = new NotificationBatch();
        var author = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var excerpt = NotificationArg.Plain(Excerpt(body));
        var who = NotificationArg.Plain(author);
        if (mentioned.Count > 0)
        {
            await notifications.AddAsync(db, batch,
                new NotificationMessage(NotificationKind.Mention, isInternal ? "Mention_Internal" : "Mention", brandId, StaffPath(brandCode), [who, excerpt]),
                mentioned, cancellationToken: cancellationToken);
        }

        if (!isInternal)
        {
            if (staff)
            {
                var members = await NotificationService.BrandMembersAsync(db, brandId, cancellationToken);
                await notifications.AddAsync(db, batch,
                    new NotificationMessage(NotificationKind.Comment, parentId is null ? "Comment_FromStaff" : "Reply_FromStaff", brandId, BrandPath(brandCode), [who, excerpt]),
                    members.Where(id => id != userId), cancellationToken: cancellationToken);
            }
            else
            {
                // The staff who took part in the public thread, and the account manager.
                var participants = await db.BrandComments.Where(c => c.BrandId == brandId && !c.IsInternal && c.ByStaff)
                    .Select(c => c.AuthorUserId).Distinct().ToListAsync(cancellationToken);
                var manager = await db.Brands.Where(b => b.Id == brandId).Select(b => b.AccountManagerUserId).SingleAsync(cancellationToken);
                if (manager is { } m)
                {
                    participants.Add(m);
                }

                if (participants.Count == 0)
                {
                    participants = await NotificationService.StaffAsync(db, cancellationToken);
                }

                await notifications.AddAsync(db, batch,
                    new NotificationMessage(NotificationKind.Comment, parentId is null ? "Comment_FromBrand" : "Reply_FromBrand", brandId, StaffPath(brandCode), [who, excerpt]),
                    participants.Where(id => id != userId && !mentioned.Contains(id)), cancellationToken: cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        notifications.Publish(batch);
        hub.Changed(brandId, isInternal);
        return Outcome<Guid>.Success(comment.Id);
    }

    /// <summary>Staff someone on staff can mention, by name or e-mail; empty for anyone else.</summary>
    public async Task<IReadOnlyList<StaffChoice>> MentionableAsync(ClaimsPrincipal user, string? search, CancellationToken cancellationToken = default)
    {
        if (!BrandDirectory.IsStaff(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = NotificationService.StaffQuery(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().TrimStart('@').ToLower();
            query = query.Where(u => u.DisplayName.ToLower().Contains(text) || (u.Email != null && u.Email.ToLower().Contains(text)));
        }

        return await query.OrderBy(u => EF.Functions.Collate(u.DisplayName, NameOrder.Collation)).Take(20)
            .Select(u => new StaffChoice(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(cancellationToken);
    }

    private static async Task<(Guid BrandId, bool Staff)?> AccessAsync(PortalDbContext db, ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return null;
        }

        var brandId = await db.Brands.Where(b => b.Code == brandCode).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(cancellationToken);
        if (brandId is not { } id)
        {
            return null;
        }

        if (BrandDirectory.IsStaff(user))
        {
            return (id, true);
        }

        return await BrandDirectory.MemberRoleAsync(db, userId, id, cancellationToken) is null ? null : (id, false);
    }

    private static string Excerpt(string body)
    {
        var line = body.ReplaceLineEndings(" ");
        return line.Length > 140 ? line[..140] + "…" : line;
    }
}
