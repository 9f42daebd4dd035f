using Microsoft.Extensions.Localization;
using Portal.Core.Features.Email;
using Portal.Core.Localization;

namespace Portal.Core.Features.Administration;

/// <summary>The administration e-mails, in the recipient's language.</summary>
public sealed class AdminEmails(IStringLocalizer<AdminStrings> strings)
{
    public OutgoingEmail StaffInvitation(string to, string displayName, string inviterName, string role, string setPasswordUrl, string? culture)
    {
        using var _ = PortalCultures.Use(culture);
        return new OutgoingEmail
        {
            Kind = EmailKind.StaffInvitation,
            To = to,
            Subject = strings["Admin_InviteEmail_Subject"],
            TextBody = strings["Admin_InviteEmail_Body", displayName, inviterName, strings[$"Admin_Role_{role}"], setPasswordUrl],
        };
    }
}
