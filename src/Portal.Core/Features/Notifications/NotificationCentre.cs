using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Notifications;

/// <summary>A notification as the centre shows it, in the reader's language.</summary>
public sealed record NotificationView(Guid Id, NotificationKind Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>One page of the centre.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Total, int Unread);

/// <summary>
/// The signed-in person's own notifications and preferences. Every call reads the user from the
/// principal: nobody sees or marks another person's notifications.
/// </summary>
public sealed class NotificationCentre(
    IDbContextFactory<PortalDbContext> dbFactory,
    NotificationService notifications,
    Microsoft.Extensions.Localization.IStringLocalizer<NotificationStrings> strings,
    TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>The kinds a person can hear of: staff see the staff-only kinds too.</summary>
    public static IReadOnlyList<NotificationKind> KindsFor(ClaimsPrincipal user) =>
        BrandDirectory.IsStaff(user)
            ? Enum.GetValues<NotificationKind>()
            : [NotificationKind.ApplicationDecision, NotificationKind.DocumentDecision, NotificationKind.ExpiryWarning, NotificationKind.Comment, NotificationKind.Milestone, NotificationKind.TierChange];

    public async Task<int> UnreadCountAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Newest first; <paramref name="page"/> counts from 0.</summary>
    public async Task<NotificationPage> ListAsync(ClaimsPrincipal user, int page = 0, int pageSize = 20, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return new([], 0, 0);
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var query = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var total = unreadOnly ? unread : await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(n => new
            {
                Notification = n,
                Brand = db.Brands.Where(b => b.Id == n.BrandId).Select(b => new BrandNames(b.NameZh, b.NameEn)).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r =>
        {
            var (title, body) = notifications.Render(r.Notification.Template, r.Brand, r.Notification.Args);
            return new NotificationView(r.Notification.Id, r.Notification.Kind, title, body, r.Notification.Link, r.Notification.CreatedAt, r.Notification.ReadAt is not null);
        }).ToList();
        return new(items, total, unread);
    }

    /// <summary>Marks one of the user's notifications read; false when it is not theirs (or does not exist).</summary>
    public async Task<bool> MarkReadAsync(ClaimsPrincipal user, Guid notificationId, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var mine = await db.Notifications.AnyAsync(n => n.Id == notificationId && n.RecipientUserId == userId, cancellationToken);
        var changed = await db.Notifications
            .Where(n => n.Id == notificationId && n.RecipientUserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            notifications.Touch(userId);
        }

        return mine;
    }

    /// <summary>Marks all the user's notifications read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.Notifications
            .Where(n => n.RecipientUserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            notifications.Touch(userId);
        }

        return changed;
    }

    /// <summary>The user's channel for each kind they can hear of (both where they chose nothing).</summary>
    public async Task<IReadOnlyDictionary<NotificationKind, NotificationChannel>> PreferencesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return new Dictionary<NotificationKind, NotificationChannel>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Channel, cancellationToken);
        return KindsFor(user).ToDictionary(k => k, k => chosen.GetValueOrDefault(k, NotificationChannel.Both));
    }

    /// <summary>Saves the user's choices (kinds they cannot hear of are ignored).</summary>
    public async Task<Outcome> SavePreferencesAsync(ClaimsPrincipal user, IReadOnlyDictionary<NotificationKind, NotificationChannel> choices, CancellationToken cancellationToken = default)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return Outcome.Fail(strings["Refused_NotSignedIn"]);
        }

        var allowed = KindsFor(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(cancellationToken);
            foreach (var (kind, channel) in choices.Where(c => allowed.Contains(c.Key) && Enum.IsDefined(c.Value)))
            {
                if (existing.FirstOrDefault(p => p.Kind == kind) is { } row)
                {
                    row.Channel = channel;
                }
                else
                {
                    db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Channel = channel });
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Ok;
            }
            catch (DbUpdateException race) when (attempt == 1 && UniqueViolation.Is(race))
            {
                // The same person's other tab saved its first choices meanwhile: apply these over them.
                db.ChangeTracker.Clear();
            }
        }
    }
}
