using System.Globalization;
using Portal.Core.Localization;

namespace Portal.Core.Features.Email;

public enum EmailKind
{
    Welcome,
    PasswordReset,
    Invitation,
    DocumentExpiring,
    DocumentExpired,
    Notification,
    StaffInvitation,
    EmailConfirmation,
    RegistrationAttempt,
}

public enum EmailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An e-mail the portal has promised to send. The row is the pending work: the job queue only
/// carries its id, and a restart finds every <see cref="EmailStatus.Pending"/> row again.
/// </summary>
public sealed class OutgoingEmail : Data.IHasCreatedAt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public EmailKind Kind { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    /// <summary>
    /// The language the e-mail is written in, so its HTML frame speaks the same. Composers write
    /// inside <see cref="PortalCultures.Use"/> with the recipient's culture, which this default captures.
    /// </summary>
    public string Culture { get; set; } = PortalCultures.Normalize(CultureInfo.CurrentUICulture.Name);

    public EmailStatus Status { get; set; } = EmailStatus.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>When the last attempt started (null before the first): the reconcile leaves a message alone while its retries may still come.</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
