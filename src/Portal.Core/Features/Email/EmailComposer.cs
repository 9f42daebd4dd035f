using Microsoft.Extensions.Localization;
using Portal.Core.Localization;

namespace Portal.Core.Features.Email;

/// <summary>Writes the portal's e-mails in the recipient's language.</summary>
public sealed class EmailComposer(IStringLocalizer<CoreStrings> strings, IStringLocalizer<AccountSecurityCoreStrings> securityStrings)
{
    public OutgoingEmail Welcome(string to, string displayName, string loginUrl, string? culture)
    {
        using var _ = PortalCultures.Use(culture);
        return new OutgoingEmail
        {
            Kind = EmailKind.Welcome,
            To = to,
            Subject = strings["Email_Welcome_Subject"],
            TextBody = strings["Email_Welcome_Body", displayName, loginUrl],
        };
    }

    public OutgoingEmail Invitation(string to, string brandName, string inviterName, string acceptUrl, int validDays, string? culture)
    {
        using var _ = PortalCultures.Use(culture);
        return new OutgoingEmail
        {
            Kind = EmailKind.Invitation,
            To = to,
            Subject = strings["Email_Invitation_Subject", brandName],
            TextBody = strings["Email_Invitation_Body", inviterName, brandName, acceptUrl, validDays],
        };
    }

    public OutgoingEmail PasswordReset(string to, string displayName, string resetUrl, string? culture)
    {
        using var _ = PortalCultures.Use(culture);
        return new OutgoingEmail
        {
            Kind = EmailKind.PasswordReset,
            To = to,
            Subject = strings["Email_PasswordReset_Subject"],
            TextBody = strings["Email_PasswordReset_Body", displayName, resetUrl],
        };
    }

    /// <summary>The link a self-registered person opens to confirm the address (when <c>Auth:RequireConfirmedEmail</c> is on).</summary>
    public OutgoingEmail EmailConfirmation(string to, string displayName, string confirmUrl, string? culture)
    {
        using var _ = PortalCultures.Use(culture);
        return new OutgoingEmail
        {
            Kind = EmailKind.EmailConfirmation,
            To = to,
            Subject = securityStrings["Email_ConfirmEmail_Subject"],
            TextBody = securityStrings["Email_ConfirmEmail_Body", displayName, confirmUrl],
        };
    }
}
