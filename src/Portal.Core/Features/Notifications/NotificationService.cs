using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Email;
using Portal.Core.Features.Links;
using Portal.Core.Localization;
using Portal.Core.Work;

namespace Portal.Core.Features.Notifications;

/// <summary>
/// An event to tell people about. <see cref="Template"/> names the NotificationStrings keys
/// <c>Notify_{Template}_Title</c> and <c>Notify_{Template}_Body</c>; argument {0} is the brand's name
/// in the reader's language, <see cref="Args"/> are {1}, {2}, ...
/// </summary>
public sealed record NotificationMessage(NotificationKind Kind, string Template, Guid? BrandId, string? Link, IReadOnlyList<NotificationArg> Args);

/// <summary>A recipient as the e-mail composer sees them.</summary>
public sealed record NotificationRecipient(Guid UserId, string Email, string? Culture);

/// <summary>
/// What one unit of work added: the users whose centre changed and the e-mails to send. Published
/// (<see cref="NotificationService.Publish"/>) only after the caller's SaveChanges committed, so no page
/// is told of, and no e-mail is sent for, a change that was rolled back.
/// </summary>
public sealed class NotificationBatch
{
    internal HashSet<Guid> Users { get; } = [];

    internal List<Guid> Emails { get; } = [];

    /// <summary>How many in-app notifications and e-mails were added.</summary>
    public int Notifications { get; internal set; }

    public int EmailCount => Emails.Count;
}

/// <summary>
/// Fans an event out to its recipients, honouring each person's choice for the kind (in-app, e-mail or
/// both; no choice means both). In-app rows keep the template and arguments, so the centre shows them in
/// the reader's current language; e-mails are written now, in the recipient's preferred language, into
/// <c>OutgoingEmails</c> and sent by the usual job.
/// </summary>
public sealed class NotificationService(
    IStringLocalizer<NotificationStrings> strings,
    IWorkDispatcher dispatcher,
    NotificationHub hub,
    PublicLinks links)
{
    /// <summary>
    /// Adds the notifications and e-mails for <paramref name="message"/> to <paramref name="db"/> (not saved) and
    /// records them in <paramref name="batch"/>. <paramref name="email"/> replaces the standard e-mail for a
    /// recipient (null from it: no e-mail).
    /// </summary>
    public async Task AddAsync(
        PortalDbContext db,
        NotificationBatch batch,
        NotificationMessage message,
        IEnumerable<Guid> recipientIds,
        Func<NotificationRecipient, OutgoingEmail?>? email = null,
        CancellationToken cancellationToken = default)
    {
        var ids = recipientIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // A disabled account hears nothing more (Administration: a lockout without end).
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && (u.LockoutEnd == null || u.LockoutEnd < Administration.UserState.DisabledUntil))
            .Select(u => new { u.Id, u.Email, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var choices = await db.NotificationPreferences.AsNoTracking()
            .Where(p => ids.Contains(p.UserId) && p.Kind == message.Kind)
            .ToDictionaryAsync(p => p.UserId, p => p.Channel, cancellationToken);
        var brand = message.BrandId is { } brandId
            ? await db.Brands.AsNoTracking().Where(b => b.Id == brandId).Select(b => new BrandNames(b.NameZh, b.NameEn)).SingleOrDefaultAsync(cancellationToken)
            : null;

        foreach (var user in users)
        {
            var channel = choices.GetValueOrDefault(user.Id, NotificationChannel.Both);
            if (channel is NotificationChannel.Both or NotificationChannel.InApp)
            {
                db.Notifications.Add(new Notification
                {
                    RecipientUserId = user.Id,
                    Kind = message.Kind,
                    Template = message.Template,
                    BrandId = message.BrandId,
                    Link = message.Link,
                    Args = message.Args.Select(Copy).ToList(),
                });
                batch.Users.Add(user.Id);
                batch.Notifications++;
            }

            if (channel is NotificationChannel.Both or NotificationChannel.Email && !string.IsNullOrEmpty(user.Email))
            {
                var recipient = new NotificationRecipient(user.Id, user.Email, user.PreferredCulture);
                var outgoing = email is null ? Compose(message, brand, recipient) : email(recipient);
                if (outgoing is not null)
                {
                    db.OutgoingEmails.Add(outgoing);
                    batch.Emails.Add(outgoing.Id);
                }
            }
        }
    }

    /// <summary>After the caller's SaveChanges: queues the e-mails and tells open pages.</summary>
    public void Publish(NotificationBatch batch)
    {
        foreach (var id in batch.Emails)
        {
            dispatcher.SendEmail(id);
        }

        hub.Changed(batch.Users);
    }

    /// <summary>Tells the user's open pages that their notifications changed (e.g. read in another tab).</summary>
    public void Touch(Guid userId) => hub.Changed([userId]);

    /// <summary>The title and body in the current UI culture.</summary>
    public (string Title, string Body) Render(string template, BrandNames? brand, IReadOnlyList<NotificationArg> args)
    {
        var chinese = PortalCultures.Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name) == PortalCultures.Chinese;
        var values = new object[args.Count + 1];
        values[0] = brand is null ? "" : chinese ? Either(brand.NameZh, brand.NameEn) : Either(brand.NameEn, brand.NameZh);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            values[i + 1] = arg.Key is { } key ? strings[key].Value : chinese && !string.IsNullOrEmpty(arg.Zh) ? arg.Zh : arg.Text ?? "";
        }

        return (strings[$"Notify_{template}_Title", values].Value, strings[$"Notify_{template}_Body", values].Value);
    }

    /// <summary>The standard e-mail: the rendered title as subject, the body, and the link.</summary>
    private OutgoingEmail Compose(NotificationMessage message, BrandNames? brand, NotificationRecipient recipient)
    {
        using var _ = PortalCultures.Use(recipient.Culture);
        var (title, body) = Render(message.Template, brand, message.Args);
        var text = message.Link is { } link
            ? strings["Email_Notification_Body", body, LinkFor(link)].Value
            : strings["Email_Notification_BodyNoLink", body].Value;
        return new OutgoingEmail { Kind = EmailKind.Notification, To = recipient.Email, Subject = Trim(title, 400), TextBody = text };
    }

    private string LinkFor(string path) => links.To(path);

    private static NotificationArg Copy(NotificationArg a) => new() { Text = a.Text, Zh = a.Zh, Key = a.Key };

    private static string Either(string first, string second) => string.IsNullOrWhiteSpace(first) ? second : first;

    private static string Trim(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>The ids of the brand's members.</summary>
    public static Task<List<Guid>> BrandMembersAsync(PortalDbContext db, Guid brandId, CancellationToken cancellationToken = default) =>
        db.BrandMembers.Where(m => m.BrandId == brandId).Select(m => m.UserId).ToListAsync(cancellationToken);

    /// <summary>The ids of all staff (SKA operators and admins).</summary>
    public static Task<List<Guid>> StaffAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        StaffQuery(db).Select(u => u.Id).ToListAsync(cancellationToken);

    /// <summary>The brand's account manager, or every staff member while it has none.</summary>
    public static async Task<List<Guid>> AccountManagerOrStaffAsync(PortalDbContext db, Guid brandId, CancellationToken cancellationToken = default)
    {
        var manager = await db.Brands.Where(b => b.Id == brandId).Select(b => b.AccountManagerUserId).SingleOrDefaultAsync(cancellationToken);
        return manager is { } id ? [id] : await StaffAsync(db, cancellationToken);
    }

    /// <summary>Users in a staff role.</summary>
    public static IQueryable<PortalUser> StaffQuery(PortalDbContext db) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == PortalRoles.SkaOperator || r.Name == PortalRoles.Admin))));
}

/// <summary>A brand's two names.</summary>
public sealed record BrandNames(string NameZh, string NameEn);
