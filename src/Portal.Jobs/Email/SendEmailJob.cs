using Hangfire;
using Portal.Core.Features.Email;

namespace Portal.Jobs.Email;

/// <summary>Sends one queued e-mail. Idempotent: a sent message is skipped.</summary>
public sealed class SendEmailJob(EmailDelivery delivery)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    public Task RunAsync(Guid emailId, CancellationToken cancellationToken) =>
        delivery.SendAsync(emailId, cancellationToken);
}
