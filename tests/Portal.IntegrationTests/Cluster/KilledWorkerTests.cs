using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Email;
using Portal.Core.Work;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cluster;

/// <summary>
/// A worker process killed (SIGKILL) in the middle of a job on the shared PostgreSQL job storage: the job comes
/// back after <c>Jobs:InvisibilityTimeout</c> and another job server finishes it. The long job is an e-mail to an
/// SMTP server that accepts the connection and never answers.
/// </summary>
[Trait("Kind", "Postgres")]
public sealed class KilledWorkerTests
{
    private const string Invisibility = "00:00:05";

    [PostgresFact]
    public async Task Job_WhoseWorkerIsKilledMidway_IsFinishedByAnotherServer()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var documents = new TempDirectory();
        await using var web = PortalAppFactory.OnPostgres(database, ClusterNodes.WebNode(documents.Path, new Dictionary<string, string?> { ["Jobs:InvisibilityTimeout"] = Invisibility }));
        _ = web.Services;
        using var silentSmtp = new TcpListener(IPAddress.Loopback, 0);
        silentSmtp.Start();
        using var worker = new WorkerProcess();
        worker.Start(new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Jobs:Storage"] = "Postgres",
            ["Jobs:InvisibilityTimeout"] = Invisibility,
            ["Documents:StoragePath"] = documents.Path,
            ["Seed:DemoBrandCount"] = "0",
            ["Seed:DemoBrandFigures"] = "false",
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = ((IPEndPoint)silentSmtp.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });

        // Enqueued by the web node (no job server of its own), taken by the worker: it connects and waits for a greeting.
        var email = new OutgoingEmail { To = "owner@example.com", Subject = "Welcome", TextBody = "Hello" };
        await web.WithDbAsync(db =>
        {
            db.OutgoingEmails.Add(email);
            return db.SaveChangesAsync();
        });
        web.Services.GetRequiredService<IWorkDispatcher>().SendEmail(email.Id);
        using (var accepting = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            try
            {
                using var midJob = await silentSmtp.AcceptTcpClientAsync(accepting.Token);
            }
            catch (OperationCanceledException)
            {
                throw new ShouldAssertException($"the worker never started the job:\n{worker.Log}");
            }
        }

        worker.Kill();
        (await Status(web, email.Id)).ShouldBe(EmailStatus.Pending, "the killed worker never finished it");

        // Another job server on the same storage (here an in-process host, writing to its pickup folder).
        await using var rescuer = PortalAppFactory.OnPostgres(database, ClusterNodes.WebNode(documents.Path, new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true",
            ["Jobs:InvisibilityTimeout"] = Invisibility,
        }));
        var sent = await rescuer.WaitForSentAsync(email.Id, TimeSpan.FromSeconds(60));

        sent.Status.ShouldBe(EmailStatus.Sent, $"last error: {sent.LastError}");
        Directory.GetFiles(rescuer.MailFolder, "*.eml").ShouldHaveSingleItem();
    }

    private static Task<EmailStatus> Status(PortalAppFactory app, Guid emailId) =>
        app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.Id == emailId).Select(e => e.Status).SingleAsync());
}
