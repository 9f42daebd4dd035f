using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Email;
using Portal.UnitTests.Infrastructure;

namespace Portal.UnitTests.Jobs;

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
}
