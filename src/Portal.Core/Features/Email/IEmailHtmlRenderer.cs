namespace Portal.Core.Features.Email;

/// <summary>
/// Writes the HTML part of an e-mail (the portal's look, in <see cref="OutgoingEmail.Culture"/>) from
/// the stored text. Rendering at delivery keeps the outbox row small and lets a changed look reach
/// e-mails still waiting to be sent.
/// </summary>
public interface IEmailHtmlRenderer
{
    Task<string> RenderAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
