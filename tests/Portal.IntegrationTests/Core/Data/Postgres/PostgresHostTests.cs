using Microsoft.EntityFrameworkCore;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Data.Postgres;

/// <summary>The web host itself on PostgreSQL: it migrates, seeds the demo data and answers, as it does on SQLite.</summary>
[Trait("Kind", "Postgres")]
public sealed class PostgresHostTests
{
    [PostgresFact]
    public async Task WebHost_OnPostgres_MigratesSeedsAndAnswers()
    {
        await using var app = PortalAppFactory.OnPostgres();
        using var client = app.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        ready.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        (await app.WithDbAsync(db => db.Brands.CountAsync())).ShouldBe(2, "the demo's two brands");
        (await app.WithDbAsync(db => db.Database.IsNpgsql() ? Task.FromResult(true) : Task.FromResult(false))).ShouldBeTrue();
    }
}
