using Hangfire;
using Portal.Core.Work;
using Portal.Jobs.Documents;
using Portal.Jobs.Email;

namespace Portal.Jobs;

/// <summary>Carries pending work to Hangfire. Only ids travel; the job reads the rest from the database.</summary>
internal sealed class HangfireWorkDispatcher(IBackgroundJobClient jobs) : IWorkDispatcher
{
    public void SendEmail(Guid emailId) =>
        jobs.Enqueue<SendEmailJob>(job => job.RunAsync(emailId, CancellationToken.None));

    public void CheckDocument(Guid documentId) =>
        jobs.Enqueue<DocumentCheckJob>(job => job.RunAsync(documentId, CancellationToken.None));
}
