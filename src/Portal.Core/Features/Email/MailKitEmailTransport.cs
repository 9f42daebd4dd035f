using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Core.Options;

namespace Portal.Core.Features.Email;

/// <summary>
/// MailKit delivery: an SMTP server, or (the default) a pickup folder of .eml files named by the
/// message id, so that sending the same message twice leaves one file.
/// </summary>
internal sealed class MailKitEmailTransport(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Mode == EmailDeliveryMode.Pickup)
        {
            var folder = SettingsExtensions.ResolvePath(environment.ContentRootPath, settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{message.MessageId}.eml");
            var temporary = file + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, file, overwrite: true);
            return;
        }

        using var client = new SmtpClient();
        var security = settings.Smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
