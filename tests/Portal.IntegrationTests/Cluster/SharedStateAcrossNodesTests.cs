using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Email;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Metrics.Evaluation;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cluster;

/// <summary>What the web nodes share besides live updates: the data-protection key ring (in PostgreSQL) and the documents folder.</summary>
[Trait("Kind", "Postgres")]
public sealed class SharedStateAcrossNodesTests(ClusterNodes nodes) : IClassFixture<ClusterNodes>
{
    [PostgresFact]
    public void DataProtection_PayloadProtectedOnNodeA_IsReadOnNodeB()
    {
        const string purpose = "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1";
        var sealedOnA = nodes.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("circuit and cookie secrets");

        var readOnB = nodes.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(sealedOnA);

        readOnB.ShouldBe("circuit and cookie secrets");
    }

    [PostgresFact]
    public async Task Document_StoredByBothNodesAtOnce_IsKeptOnceAndReadFromEither()
    {
        var content = SimplePdf.WithText($"Certificate {Guid.NewGuid():N}");
        var onA = nodes.A.Services.GetRequiredService<DocumentStorage>();
        var onB = nodes.B.Services.GetRequiredService<DocumentStorage>();

        var stored = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => (i % 2 == 0 ? onA : onB).StoreAsync(new MemoryStream(content)))));

        stored.ShouldAllBe(outcome => outcome.Succeeded);
        var hash = stored.Select(outcome => outcome.Value!.Hash).Distinct().ShouldHaveSingleItem();
        Directory.GetFiles(onA.Root, hash + "*", SearchOption.AllDirectories).ShouldHaveSingleItem("one file per content");
        Directory.GetFiles(Path.Combine(onA.Root, ".incoming")).ShouldBeEmpty("no temporary file left behind");
        await using var read = onB.Open(hash).ShouldNotBeNull();
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(content);
    }

    [PostgresFact]
    public async Task MetricsEvaluation_WhileAnotherProcessEvaluates_WaitsForItToEnd()
    {
        // Another process's evaluation, as the database sees it: the session lock every evaluation holds while it runs.
        await using var other = new NpgsqlConnection(nodes.Database.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({EvaluationLock.PostgresLockKey})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var onB = nodes.B.Services.GetRequiredService<MetricsEvaluationService>().EvaluateAllAsync();
        var finished = await Task.WhenAny(onB, Task.Delay(TimeSpan.FromSeconds(2)));
        finished.ShouldNotBe(onB, "node B evaluated while another process's evaluation held the lock");

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({EvaluationLock.PostgresLockKey})", other))
        {
            await release.ExecuteNonQueryAsync();
        }

        await onB.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [PostgresFact]
    public async Task Email_BeingSentByAnotherWorker_IsNotSentAgain_AndIsSentOnceTheClaimIsGone()
    {
        var email = new OutgoingEmail { To = "claim@example.test", Subject = "Claimed", TextBody = "Sent once." };
        await nodes.A.WithDbAsync(async db =>
        {
            db.OutgoingEmails.Add(email);
            return await db.SaveChangesAsync();
        });

        // Another worker's send in progress, as the database sees it: the claim it holds on the e-mail. Unpooled, so
        // closing it ends the session, as a killed worker's does.
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(nodes.Database.ConnectionString) { Pooling = false }.ToString());
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({EmailClaim.LockClass}, hashtext('{email.Id}'))", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var delivery = nodes.B.Services.GetRequiredService<EmailDelivery>();
        await delivery.SendAsync(email.Id, CancellationToken.None);
        var whileClaimed = await nodes.B.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == email.Id));
        (whileClaimed.Status, whileClaimed.Attempts).ShouldBe((EmailStatus.Pending, 0), "node B must leave an e-mail another worker is sending");

        // The server ends the other session (and frees its claim) a moment after the client closes it; CI once sent before.
        var otherSession = other.ProcessID;
        await other.CloseAsync();
        await WaitUntilSessionEndedAsync(nodes.Database.ConnectionString, otherSession);
        await delivery.SendAsync(email.Id, CancellationToken.None);

        (await nodes.B.WithDbAsync(db => db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == email.Id))).Status.ShouldBe(EmailStatus.Sent);
    }

    private static async Task WaitUntilSessionEndedAsync(string connectionString, int processId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var alive = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = @pid", connection);
        alive.Parameters.AddWithValue("pid", processId);
        var deadline = Stopwatch.StartNew();
        while ((long)(await alive.ExecuteScalarAsync())! > 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
    }
}
