using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Email;
using Portal.Core.Features.Notifications;
using Portal.Core.Localization;

namespace Portal.Core.Features.Documents;

/// <summary>
/// The daily pass over approved documents: warns the brand at <c>Documents:FirstWarningDays</c> and
/// <c>SecondWarningDays</c> before expiry (in the portal and by e-mail, once each), and marks documents
/// Expired on their expiry day, which blocks the categories they covered until a replacement is approved.
/// Idempotent: running it twice on a day changes nothing more.
/// </summary>
public sealed class DocumentExpiryService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<DocumentStrings> strings,
    IOptionsMonitor<DocumentOptions> options,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<DocumentExpiryService> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PlatformTime.DayOf(clock.GetUtcNow());
        var settings = options.CurrentValue;
        var documents = await db.Documents.Where(d => d.Status == DocumentStatus.Approved && d.ExpiresOn != null).ToListAsync(cancellationToken);
        var newestApproved = await db.Documents.Where(d => d.Status == DocumentStatus.Approved)
            .GroupBy(d => new { d.BrandId, d.RuleId })
            .Select(g => new { g.Key.BrandId, g.Key.RuleId, Version = g.Max(d => d.Version) })
            .ToListAsync(cancellationToken);
        var batch = new NotificationBatch();
        foreach (var document in documents)
        {
            var daysLeft = document.ExpiresOn!.Value.DayNumber - today.DayNumber;
            if (daysLeft <= 0)
            {
                var transition = DocumentWorkflow.Of(DocumentAction.Expire);
                db.DocumentDecisions.Add(new DocumentDecision { DocumentId = document.Id, Action = DocumentAction.Expire, From = document.Status, To = transition.To });
                document.Status = transition.To;
                document.Revision++;
                if (IsCurrent(document))
                {
                    db.DocumentNotices.Add(new DocumentNotice { BrandId = document.BrandId, DocumentId = document.Id, Kind = NoticeKind.Expired });
                    await NotifyAsync(db, batch, document, NoticeKind.Expired, 0, cancellationToken);
                }

                continue;
            }

            var due = new[] { settings.FirstWarningDays, settings.SecondWarningDays }.Where(w => daysLeft <= w && !document.WarningsGiven.Contains(w)).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            // One warning per run: the most urgent; a missed earlier one is not sent late.
            document.WarningsGiven = [.. document.WarningsGiven, .. due];
            document.Revision++;
            if (IsCurrent(document))
            {
                var days = due.Min();
                db.DocumentNotices.Add(new DocumentNotice { BrandId = document.BrandId, DocumentId = document.Id, Kind = NoticeKind.ExpiryWarning, DaysBefore = days });
                await NotifyAsync(db, batch, document, NoticeKind.ExpiryWarning, days, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        notifications.Publish(batch);

        if (documents.Count > 0)
        {
            logger.LogInformation("Expiry pass on {Day}: {Documents} approved document(s) with an expiry date, {Emails} e-mail(s) queued", today, documents.Count, batch.EmailCount);
        }

        // A document replaced by a newer approved version no longer speaks for the brand.
        bool IsCurrent(Document d) => newestApproved.Any(n => n.BrandId == d.BrandId && n.RuleId == d.RuleId && n.Version == d.Version);
    }

    /// <summary>
    /// Tells the brand's members in the notification centre and (their choice) by the expiry e-mail, which
    /// keeps its own wording in each recipient's language.
    /// </summary>
    private async Task NotifyAsync(PortalDbContext db, NotificationBatch batch, Document document, NoticeKind kind, int days, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().Where(b => b.Id == document.BrandId).Select(b => new { b.Code, b.NameZh, b.NameEn }).SingleAsync(cancellationToken);
        var type = NotificationArg.Localized($"DocType_{document.Type}");
        var day = NotificationArg.Plain(Portal.Core.Localization.PortalDates.Day(document.ExpiresOn!.Value));
        var message = kind == NoticeKind.Expired
            ? new NotificationMessage(NotificationKind.ExpiryWarning, "Document_Expired", document.BrandId, $"/brands/{brand.Code}/documents", [type, day])
            : new NotificationMessage(NotificationKind.ExpiryWarning, "Document_Expiring", document.BrandId, $"/brands/{brand.Code}/documents", [type, day, NotificationArg.Plain(days.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        await notifications.AddAsync(db, batch, message, await NotificationService.BrandMembersAsync(db, document.BrandId, cancellationToken), Compose, cancellationToken);

        OutgoingEmail Compose(NotificationRecipient r)
        {
            using var _ = PortalCultures.Use(r.Culture);
            var brandName = PortalCultures.Normalize(r.Culture) == PortalCultures.Chinese ? brand.NameZh : brand.NameEn;
            var typeName = strings[$"Type_{document.Type}"].Value;
            var dayText = PortalDates.Day(document.ExpiresOn!.Value);
            return kind == NoticeKind.Expired
                ? new OutgoingEmail
                {
                    Kind = EmailKind.DocumentExpired,
                    To = r.Email,
                    Subject = strings["Email_Expired_Subject", brandName, typeName],
                    TextBody = strings["Email_Expired_Body", brandName, typeName, document.CertificateNumber ?? "", dayText],
                }
                : new OutgoingEmail
                {
                    Kind = EmailKind.DocumentExpiring,
                    To = r.Email,
                    Subject = strings["Email_Expiring_Subject", brandName, typeName, days],
                    TextBody = strings["Email_Expiring_Body", brandName, typeName, document.CertificateNumber ?? "", dayText, days],
                };
        }
    }
}
