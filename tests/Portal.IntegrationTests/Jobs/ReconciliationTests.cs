using System.Net;
using System.Reflection;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Email;
using Portal.Jobs.Email;
using Portal.Jobs.Reconciliation;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Jobs;

public sealed class ReconciliationTests
{
    [Fact]
    public async Task PendingEmail_LeftByAStoppedApp_IsSentAfterRestart()
    {
        using var directory = new TempDirectory();
        Guid emailId;

        // First life: the app takes the registration, but its queue never runs the job (no worker).
        await using (var first = new PortalAppFactory(directory, settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }))
        {
            using var browser = new BrowserClient(first);
            var response = await browser.SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Zhou Jie",
                ["Input.Email"] = "zhou.jie@example.com",
                ["Input.Password"] = "Secret!2026",
                ["Input.ConfirmPassword"] = "Secret!2026",
            });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var email = await first.WithDbAsync(db => db.OutgoingEmails.SingleAsync(e => e.To == "zhou.jie@example.com"));
            email.Status.ShouldBe(EmailStatus.Pending);
            emailId = email.Id;
        }

        // Second life on the same database: the in-memory queue is empty, the database is not.
        await using var second = new PortalAppFactory(directory);
        _ = second.Services; // starts the host, and with it the start-up reconciliation

        var sent = await second.WaitForSentAsync(emailId);

        sent.Status.ShouldBe(EmailStatus.Sent);
        sent.Attempts.ShouldBe(1);
        File.Exists(Path.Combine(second.MailFolder, $"{emailId:N}@portal.eml")).ShouldBeTrue();
    }

    [Fact]
    public async Task EmailInItsRetryChain_IsLeftToIt_AndQueuedAgainOnlyOnceItsRetriesAreOver()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "1",
            ["Email:Smtp:Security"] = "None",
        });
        var reconciler = app.Services.GetRequiredService<PendingWorkReconciler>();
        var id = await app.WithDbAsync(async db =>
        {
            var email = new OutgoingEmail { To = "retry@example.com", Subject = "Hello", TextBody = "Body" };
            db.OutgoingEmails.Add(email);
            await db.SaveChangesAsync();
            return email.Id;
        });
        await Should.ThrowAsync<Exception>(() => app.Services.GetRequiredService<EmailDelivery>().SendAsync(id, CancellationToken.None));

        // Ten minutes on, the first attempt's job is between its retries: a second chain would count attempts twice.
        app.Clock.MoveTo(app.Clock.GetUtcNow().AddMinutes(10));
        await reconciler.RedispatchOlderThanAsync(PendingWorkReconciler.OverdueAfter, CancellationToken.None);
        Queued(app, id).ShouldBe(0);

        // Past the chain's last retry, still pending: its chain was lost (a restart with an in-memory queue).
        app.Clock.MoveTo(app.Clock.GetUtcNow().Add(EmailDelivery.RetriesQuietAfter));
        await reconciler.RedispatchOlderThanAsync(PendingWorkReconciler.OverdueAfter, CancellationToken.None);
        Queued(app, id).ShouldBe(1);
        (await app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id))).Attempts.ShouldBe(1);
    }

    [Fact]
    public void SendJobsLastRetry_ComesBeforeTheReconcileTakesAnEmailBack()
    {
        // Read as declared, not constructed: the attribute's constructor asks Hangfire's process-wide log provider for a
        // logger, which in this test process may belong to a host already disposed (seen in the year-ahead run).
        var retry = typeof(SendEmailJob).GetMethod(nameof(SendEmailJob.RunAsync))!.GetCustomAttributesData()
            .Single(a => a.AttributeType == typeof(AutomaticRetryAttribute));
        var delays = ((IEnumerable<CustomAttributeTypedArgument>)retry.NamedArguments.Single(a => a.MemberName == nameof(AutomaticRetryAttribute.DelaysInSeconds)).TypedValue.Value!)
            .Select(d => (int)d.Value!).ToList();

        delays.ShouldNotBeEmpty();
        TimeSpan.FromSeconds(delays.Max()).ShouldBeLessThan(EmailDelivery.RetriesQuietAfter - PendingWorkReconciler.OverdueAfter);
    }

    private static int Queued(PortalAppFactory app, Guid emailId) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Count(j => j.Value.Job?.Type == typeof(SendEmailJob) && j.Value.Job.Args.FirstOrDefault() is Guid id && id == emailId);
}
