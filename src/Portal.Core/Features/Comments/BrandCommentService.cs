using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Notifications;
using Portal.Core.Features.Providers;
using Portal.Core.Localization;

namespace Portal.Core.Features.Comments;

/// <summary>
/// Comments on a brand: a thread its members and staff share, and internal notes for staff only.
/// Every call checks who is asking: members of that brand, staff, or a provider's people the brand delegated
/// its messages to (while that runs), otherwise "not found" exactly as for a
/// brand that does not exist; internal notes are filtered here, in the query, so no page or API can leak one.
/// A post tells the brand's open threads through <see cref="BrandCommentHub"/> once it is saved; who else hears of
/// it (notifications queued in the same save) is <see cref="BrandCommentNotifications"/>.
/// </summary>
public sealed class BrandCommentService(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationService notifications,
    BrandCommentHub hub,
    IStringLocalizer<NotificationStrings> strings,
    TimeProvider clock)
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
                c.AuthorUserId,
                c.AuthorProviderId,
                Mentions = c.Mentions.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.DisplayName).ToList(),
            })
            .ToListAsync(cancellationToken);
        // A provider's person is named with the provider they wrote for ("He Jia · 远帆代运营"), as stored with the comment.
        var authors = await ActorNames.ResolveAsync(db, rows.Select(r => new ActorRef(r.AuthorUserId, r.AuthorProviderId)), cancellationToken);
        string Author(Guid userId, Guid? providerId) => authors.GetValueOrDefault(new ActorRef(userId, providerId)) ?? "";

        var replies = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value);
        var top = rows.Where(r => r.ParentId is null)
            .Select(r => new CommentView(r.Id, Author(r.AuthorUserId, r.AuthorProviderId), r.ByStaff, r.IsInternal, r.Body, r.CreatedAt, r.Mentions,
                replies[r.Id].Select(x => new CommentView(x.Id, Author(x.AuthorUserId, x.AuthorProviderId), x.ByStaff, x.IsInternal, x.Body, x.CreatedAt, x.Mentions, [])).ToList()))
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
        if (BodyRefusal(body) is { } refused)
        {
            return Outcome<Guid>.Fail(refused);
        }

        if (request.Internal && !staff)
        {
            return Outcome<Guid>.Fail(strings["Refused_InternalStaffOnly"]);
        }

        var placed = await PlaceAsync(db, request, brandId, staff, cancellationToken);
        if (!placed.Succeeded)
        {
            return Outcome<Guid>.Fail(placed.Errors);
        }

        var mentioned = (request.Mentions ?? []).Distinct().Where(id => id != userId).ToList();
        if (await MentionRefusalAsync(db, mentioned, staff, cancellationToken) is { } refusal)
        {
            return Outcome<Guid>.Fail(refusal);
        }

        var post = new CommentPost(brandId, brandCode, userId, staff, placed.Value!.ParentId, placed.Value.IsInternal, mentioned, body);
        var comment = new BrandComment { BrandId = brandId, ParentId = post.ParentId, AuthorUserId = userId, ByStaff = staff, IsInternal = post.IsInternal, Body = body };
        comment.AuthorProviderId = staff ? null : await Delegations.OnBehalfOfAsync(db, userId, brandId, clock, cancellationToken);
        comment.Mentions.AddRange(mentioned.Select(id => new BrandCommentMention { CommentId = comment.Id, UserId = id }));
        db.BrandComments.Add(comment);
        var batch = await BrandCommentNotifications.QueueAsync(db, notifications, clock, post, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        notifications.Publish(batch);
        hub.Changed(brandId, post.IsInternal);
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

    private async Task<(Guid BrandId, bool Staff)?> AccessAsync(PortalDbContext db, ClaimsPrincipal user, string brandCode, CancellationToken cancellationToken)
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

        // Members, and a provider's people while the brand delegates its messages with staff to it.
        return await BrandDirectory.MayWorkAsync(db, userId, id, Providers.DelegatedArea.Messages, clock, cancellationToken) ? (id, false) : null;
    }

    private string? BodyRefusal(string body) =>
        body.Length == 0 ? strings["Refused_CommentEmpty"].Value
        : body.Length > MaxBodyLength ? strings["Refused_CommentTooLong", MaxBodyLength].Value
        : null;

    /// <summary>Where the post goes: top level, or the thread of the comment it replies to, with that thread's visibility.</summary>
    private async Task<Outcome<Placement>> PlaceAsync(PortalDbContext db, NewComment request, Guid brandId, bool staff, CancellationToken cancellationToken)
    {
        var placement = new Placement(null, request.Internal);
        if (request.ParentId is { } wanted)
        {
            // A reply to a reply joins its parent's thread; a parent the person may not see does not exist for them.
            var parent = await db.BrandComments.AsNoTracking()
                .Where(c => c.Id == wanted && c.BrandId == brandId && (staff || !c.IsInternal))
                .Select(c => new { c.Id, c.ParentId, c.IsInternal })
                .SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                return Outcome<Placement>.Fail(strings["Refused_CommentNotFound"]);
            }

            // A reply takes its parent's visibility. Asked for a note under a public comment, it would be
            // published to the brand: refuse rather than let words meant for staff reach it.
            if (request.Internal && !parent.IsInternal)
            {
                return Outcome<Placement>.Fail(strings["Refused_InternalReplyToPublic"]);
            }

            placement = new Placement(parent.ParentId ?? parent.Id, parent.IsInternal);
        }

        return placement.IsInternal && !staff ? Outcome<Placement>.Fail(strings["Refused_InternalStaffOnly"]) : Outcome<Placement>.Success(placement);
    }

    /// <summary>Only staff mention, and only staff can be mentioned.</summary>
    private async Task<string?> MentionRefusalAsync(PortalDbContext db, List<Guid> mentioned, bool staff, CancellationToken cancellationToken)
    {
        if (mentioned.Count == 0)
        {
            return null;
        }

        if (!staff)
        {
            return strings["Refused_MentionStaffOnly"];
        }

        var known = await NotificationService.StaffQuery(db).CountAsync(u => mentioned.Contains(u.Id), cancellationToken);
        return known != mentioned.Count ? strings["Refused_MentionNotStaff"].Value : null;
    }

    private sealed record Placement(Guid? ParentId, bool IsInternal);
}
