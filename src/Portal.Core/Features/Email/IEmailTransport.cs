using MimeKit;

namespace Portal.Core.Features.Email;

/// <summary>Hands a finished message to the outside world.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
