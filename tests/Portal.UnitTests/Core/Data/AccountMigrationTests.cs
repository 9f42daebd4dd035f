using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.UnitTests.Infrastructure;

namespace Portal.UnitTests.Core.Data;

/// <summary>Upgrading a database whose accounts were made before sign-in needed a confirmed address.</summary>
public sealed class AccountMigrationTests
{
    [Fact]
    public async Task SignInSessionsMigration_ConfirmsEveryAccountWithAPassword_SoNobodyIsLockedOutByTheUpgrade()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        await TestBrands.CreateWithOwnerAsync(app, "before-upgrade", "before-upgrade@example.test");

        var confirmed = await app.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var sessions = migrations.Single(m => m.EndsWith("_SignInSessions", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[migrations.IndexOf(sessions) - 1]);
            // Before the upgrade nothing confirmed an address; an account without a password cannot sign in anyway.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AspNetUsers" SET "EmailConfirmed" = 0""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AspNetUsers" SET "PasswordHash" = NULL WHERE "Email" = 'ska@demo.test'""");
            await db.Database.MigrateAsync();
            return await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, u => u.EmailConfirmed);
        });

        confirmed["before-upgrade@example.test"].ShouldBeTrue();
        confirmed["brand@demo.test"].ShouldBeTrue();
        confirmed["ska@demo.test"].ShouldBeFalse("no password, no sign-in to keep");
    }
}
