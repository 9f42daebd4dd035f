using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features;

public sealed class EmailDeliveryTests
{
    private static async Task<Guid> QueueAsync(PortalAppFactory app) =>
        await app.WithDbAsync(async db =>
        {
            var email = new OutgoingEmail { To = "someone@example.com", Subject = "Hello", TextBody = "Body" };
            db.OutgoingEmails.Add(email);
            await db.SaveChangesAsync();
            return email.Id;
        });

    [Fact]
    public async Task Send_Twice_DeliversOnceAndLeavesOneFile()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var delivery = app.Services.GetRequiredService<EmailDelivery>();
        var id = await QueueAsync(app);

        await delivery.SendAsync(id, CancellationToken.None);
        await delivery.SendAsync(id, CancellationToken.None);

        var email = await app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id));
        email.Status.ShouldBe(EmailStatus.Sent);
        email.Attempts.ShouldBe(1);
        email.SentAt.ShouldNotBeNull();
        Directory.GetFiles(app.MailFolder, "*.eml").Length.ShouldBe(1);
        var text = await File.ReadAllTextAsync(Directory.GetFiles(app.MailFolder).Single());
        text.ShouldContain("To: someone@example.com");
        text.ShouldContain("Subject: Hello");
    }

    [Fact]
    public async Task Send_InSmtpMode_DeliversThroughARealSmtpConversation()
    {
        await using var sink = new SmtpSink();
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = sink.Port.ToString(),
            ["Email:Smtp:Security"] = "None",
        });
        var delivery = app.Services.GetRequiredService<EmailDelivery>();
        var id = await QueueAsync(app);

        await delivery.SendAsync(id, CancellationToken.None);

        var message = sink.Messages.ShouldHaveSingleItem();
        message.Recipients.ShouldBe(["someone@example.com"]);
        message.Data.ShouldContain("Subject: Hello");
        message.Data.ShouldContain("From: STEPS Brand Portal <no-reply@portal.local>");
        (await app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id))).Status.ShouldBe(EmailStatus.Sent);
    }

    [Fact]
    public async Task Send_WhenTheSmtpServerIsDown_KeepsTheMessageAndGivesUpAfterMaxAttempts()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "false",
            ["Email:Mode"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "1",
            ["Email:Smtp:Security"] = "None",
            ["Email:MaxAttempts"] = "2",
        });
        var delivery = app.Services.GetRequiredService<EmailDelivery>();
        var id = await QueueAsync(app);

        await Should.ThrowAsync<Exception>(() => delivery.SendAsync(id, CancellationToken.None));
        var afterFirst = await app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id));
        await Should.ThrowAsync<Exception>(() => delivery.SendAsync(id, CancellationToken.None));
        var afterSecond = await app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id));

        afterFirst.Status.ShouldBe(EmailStatus.Pending);
        afterFirst.LastError.ShouldNotBeNullOrWhiteSpace();
        afterSecond.Status.ShouldBe(EmailStatus.Failed);
        afterSecond.Attempts.ShouldBe(2);
    }

    [Fact]
    [Trait("Engine", "Sqlite")] // PostgreSQL's claim, an advisory lock, is tried across nodes in SharedStateAcrossNodesTests
    public async Task Claim_OnSqlite_IsHeldByOneWorkerOfTheProcessAtATime()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var id = await QueueAsync(app);
        await using var first = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Core.Data.PortalDbContext>>().CreateDbContext();
        await using var second = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Core.Data.PortalDbContext>>().CreateDbContext();

        var claim = await EmailClaim.TryTakeAsync(first, id, CancellationToken.None);
        claim.ShouldNotBeNull();
        (await EmailClaim.TryTakeAsync(second, id, CancellationToken.None)).ShouldBeNull();
        await app.Services.GetRequiredService<EmailDelivery>().SendAsync(id, CancellationToken.None);
        (await app.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id))).Status.ShouldBe(EmailStatus.Pending, "the worker holding the claim sends it");

        await claim.DisposeAsync();
        await using var again = await EmailClaim.TryTakeAsync(second, id, CancellationToken.None);
        again.ShouldNotBeNull();
    }
}
