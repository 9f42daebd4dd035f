using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features;

public sealed class DatabaseSeederTests
{
    private static async Task<(int Users, int Roles, int UserRoles, int Brands, int Members, int Categories, int Events, long Clients)> CountAsync(PortalAppFactory app)
    {
        var counts = await app.WithDbAsync(async db => (
            await db.Users.CountAsync(), await db.Roles.CountAsync(), await db.UserRoles.CountAsync(),
            await db.Brands.CountAsync(), await db.BrandMembers.CountAsync(), await db.Categories.CountAsync(), await db.ApplicationEvents.CountAsync()));
        await using var scope = app.Services.CreateAsyncScope();
        var clients = await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CountAsync();
        return (counts.Item1, counts.Item2, counts.Item3, counts.Item4, counts.Item5, counts.Item6, counts.Item7, clients);
    }

    [Fact]
    public async Task Seed_RunAgain_ChangesNothing()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });
        var before = await CountAsync(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        }

        var after = await CountAsync(app);
        before.ShouldBe((6, 4, 6, 2, 2, 7, 4, 2L), "three brand-side demo accounts and three providers' people; two feed clients: demo-feed and demo-tea-feed");
        after.ShouldBe(before);
    }

    [Fact]
    public async Task Seed_CreatesTheDemoBrandOwnedByTheBrandManager()
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var owner = await app.WithDbAsync(db =>
            db.BrandMembers
                .Join(db.Brands, m => m.BrandId, b => b.Id, (m, b) => new { m, b })
                .Join(db.Users, x => x.m.UserId, u => u.Id, (x, u) => new { x.b.Code, x.b.NameZh, x.b.NameEn, u.Email, x.m.Role, x.b.Status })
                .SingleAsync(x => x.Code == "demo-tea"));

        owner.Code.ShouldBe("demo-tea");
        owner.NameZh.ShouldBe("云茶");
        owner.NameEn.ShouldBe("Cloud Tea");
        owner.Email.ShouldBe("brand@demo.test");
        owner.Role.ShouldBe(Portal.Core.Features.Brands.BrandMemberRole.Owner);
        owner.Status.ShouldBe(Portal.Core.Features.Applications.ApplicationStatus.Approved);
    }
}
