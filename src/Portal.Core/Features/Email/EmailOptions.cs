using System.Net.Mail;
using Portal.Core.Options;

namespace Portal.Core.Features.Email;

public enum EmailDeliveryMode
{
    /// <summary>Writes each message as an .eml file into <see cref="EmailOptions.PickupDirectory"/>.</summary>
    Pickup,

    /// <summary>Sends through the SMTP server in <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Settings under <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDeliveryMode Mode { get; set; } = EmailDeliveryMode.Pickup;

    public string PickupDirectory { get; set; } = "App_Data/mail";

    public string FromAddress { get; set; } = "no-reply@portal.local";

    public string FromName { get; set; } = "STEPS Brand Portal";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Attempts before a message is marked failed (each attempt is a job run).</summary>
    public int MaxAttempts { get; set; } = 5;

    public sealed class SmtpSettings
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}

internal sealed class EmailOptionsValidator : SettingsValidator<EmailOptions>
{
    protected override void Check(EmailOptions options, Action<string, string> fail)
    {
        if (!MailAddress.TryCreate(options.FromAddress, out _))
        {
            fail("Email:FromAddress", $"is not an e-mail address: '{options.FromAddress}'.");
        }

        if (options.MaxAttempts < 1)
        {
            fail("Email:MaxAttempts", "must be at least 1.");
        }

        switch (options.Mode)
        {
            case EmailDeliveryMode.Pickup when string.IsNullOrWhiteSpace(options.PickupDirectory):
                fail("Email:PickupDirectory", "must name a folder when Email:Mode is Pickup.");
                break;
            case EmailDeliveryMode.Smtp when string.IsNullOrWhiteSpace(options.Smtp.Host):
                fail("Email:Smtp:Host", "must name the SMTP server when Email:Mode is Smtp.");
                break;
            case EmailDeliveryMode.Smtp when options.Smtp.Port is < 1 or > 65535:
                fail("Email:Smtp:Port", "must be a TCP port (1-65535).");
                break;
            case EmailDeliveryMode.Pickup or EmailDeliveryMode.Smtp:
                break;
            default:
                fail("Email:Mode", "must be Pickup or Smtp.");
                break;
        }
    }
}
