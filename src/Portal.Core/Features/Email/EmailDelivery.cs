using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Core.Data;
using Portal.Core.Localization;
using Portal.Core.Work;

namespace Portal.Core.Features.Email;

/// <summary>Sends one queued e-mail. Idempotent: a message already sent is not sent again.</summary>
public sealed class EmailDelivery(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEmailTransport transport,
    IEmailHtmlRenderer html,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDelivery> logger)
{
    /// <summary>
    /// How long after a failed attempt a message may still be in its job's retry chain (the send job's longest retry
    /// delay is an hour): until then the reconcile does not queue it again, as each attempt counts towards
    /// <see cref="EmailOptions.MaxAttempts"/>. After it, a message still pending has lost its chain (a restart with an
    /// in-memory queue) and is queued again.
    /// </summary>
    public static readonly TimeSpan RetriesQuietAfter = TimeSpan.FromHours(2);

    /// <summary>Sends the message if it is still pending. Throws when the transport fails, so the job is retried.</summary>
    public async Task SendAsync(Guid emailId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var claim = await EmailClaim.TryTakeAsync(db, emailId, cancellationToken);
        if (claim is null)
        {
            // Another worker is sending it right now (its job and a reconcile's re-enqueue can meet); it saves the outcome.
            return;
        }

        var email = await db.OutgoingEmails.SingleOrDefaultAsync(e => e.Id == emailId, cancellationToken);
        if (email is null || email.Status != EmailStatus.Pending)
        {
            return;
        }

        email.Attempts++;
        email.LastAttemptAt = clock.GetUtcNow();
        try
        {
            var htmlBody = await html.RenderAsync(email, cancellationToken);
            await transport.SendAsync(ToMime(email, htmlBody, options.Value), cancellationToken);
            email.Status = EmailStatus.Sent;
            email.SentAt = clock.GetUtcNow();
            email.LastError = null;
            logger.LogInformation("Sent {Kind} e-mail {EmailId}", email.Kind, email.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            email.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            if (email.Attempts >= options.Value.MaxAttempts)
            {
                email.Status = EmailStatus.Failed;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning(ex, "Could not send e-mail {EmailId} (attempt {Attempt})", email.Id, email.Attempts);
            throw;
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>multipart/alternative: the plain text first, the HTML (which mail programs prefer) last.</summary>
    internal static MimeMessage ToMime(OutgoingEmail email, string htmlBody, EmailOptions settings)
    {
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = htmlBody };
        var message = new MimeMessage
        {
            // A stable id: a resend replaces the same pickup file and lets servers drop duplicates.
            MessageId = $"{email.Id:N}@portal",
            Subject = email.Subject,
            Body = body.ToMessageBody(),
        };
        message.Body.Headers.Add(HeaderId.ContentLanguage, PortalCultures.Normalize(email.Culture));
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }
}

/// <summary>
/// Finds e-mails still pending in the database: never tried, or tried and quiet for <see cref="EmailDelivery.RetriesQuietAfter"/>
/// (one still in its retry chain would otherwise get a second chain, and use up its attempts in minutes).
/// </summary>
internal sealed class PendingEmailSource(IDbContextFactory<PortalDbContext> dbFactory) : IPendingWorkSource
{
    public string Name => "e-mail";

    public async Task<int> RedispatchAsync(IWorkDispatcher dispatcher, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var triedBefore = createdBefore == DateTimeOffset.MaxValue ? createdBefore : createdBefore - EmailDelivery.RetriesQuietAfter;
        var ids = await db.OutgoingEmails
            .Where(e => e.Status == EmailStatus.Pending && e.CreatedAt < createdBefore
                && (e.Attempts == 0 || e.LastAttemptAt == null || e.LastAttemptAt < triedBefore))
            .OrderBy(e => e.CreatedAt)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            dispatcher.SendEmail(id);
        }

        return ids.Count;
    }
}
