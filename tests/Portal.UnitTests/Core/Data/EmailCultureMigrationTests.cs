using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Core.Features.Email;
using Portal.UnitTests.Infrastructure;

namespace Portal.UnitTests.Core.Data;

/// <summary>Upgrading a database whose queued e-mails were written before they carried their language.</summary>
public sealed class EmailCultureMigrationTests
{
    [Fact]
    public async Task EmailCultureBackfill_GivesQueuedEmailsTheLanguageOfTheirSubject_AndLeavesKnownOnesAlone()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var chinese = new OutgoingEmail { To = "a@example.test", Subject = "您的证件即将到期", TextBody = "…", Culture = "en" };
        var english = new OutgoingEmail { To = "b@example.test", Subject = "Your document expires soon", TextBody = "…", Culture = "en" };
        var known = new OutgoingEmail { To = "c@example.test", Subject = "Welcome", TextBody = "…", Culture = "zh-CN" };

        var cultures = await app.WithDbAsync(async db =>
        {
            db.OutgoingEmails.AddRange(chinese, english, known);
            await db.SaveChangesAsync();
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var backfill = migrations.Single(m => m.EndsWith("_EmailCultureBackfill", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[migrations.IndexOf(backfill) - 1]);
            // As EmailCulture left them: no language yet.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "OutgoingEmails" SET "Culture" = '' WHERE "To" IN ('a@example.test', 'b@example.test')""");
            await db.Database.MigrateAsync();
            return await db.OutgoingEmails.AsNoTracking().ToDictionaryAsync(e => e.To, e => e.Culture);
        });

        cultures["a@example.test"].ShouldBe("zh-CN");
        cultures["b@example.test"].ShouldBe("en");
        cultures["c@example.test"].ShouldBe("zh-CN");
    }
}
