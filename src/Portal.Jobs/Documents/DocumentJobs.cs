using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Core.Features.Documents;

namespace Portal.Jobs.Documents;

/// <summary>Runs the automatic checks of one document. Idempotent: a document no longer Checking is skipped.</summary>
public sealed class DocumentCheckJob(DocumentCheckService checks)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 60, 300, 900, 3600])]
    public Task RunAsync(Guid documentId, CancellationToken cancellationToken) =>
        checks.CheckAsync(documentId, cancellationToken);
}

/// <summary>The daily expiry pass: warnings before expiry, Expired on the day (which blocks the categories covered).</summary>
public sealed class DocumentExpiryJob(DocumentExpiryService expiry)
{
    public const string RecurringId = "document-expiry";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync(CancellationToken cancellationToken) => expiry.RunAsync(cancellationToken);
}

/// <summary>Registers the daily expiry job (<c>Documents:ExpiryCron</c>, China Standard Time).</summary>
internal sealed class DocumentJobsRegistration(IRecurringJobManager recurring, IOptions<DocumentOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<DocumentExpiryJob>(
            DocumentExpiryJob.RecurringId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.ExpiryCron,
            new RecurringJobOptions { TimeZone = JobSchedules.ChinaStandardTime });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
