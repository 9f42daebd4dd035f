using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Administration;
using Portal.Core.Features.Seeding;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Core.Features.Administration;

/// <summary>The admin home's account figures, counted by the database, against what Identity lists.</summary>
public sealed class AccountOverviewTests : IAsyncLifetime
{
    private readonly PortalAppFactory _app = new();

    private AccountOverview Overview => _app.Services.GetRequiredService<AccountOverview>();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Counts_AreEveryAccountAndEachRoleAsIdentityListsThem_EveryRoleNamed()
    {
        var outcome = await Overview.CountAsync(await _app.PrincipalAsync(DemoData.AdminEmail));

        outcome.Succeeded.ShouldBeTrue();
        var counts = outcome.Value!;
        counts.Roles.Select(r => r.Role).ShouldBe(PortalRoles.All);
        await using var scope = _app.Services.CreateAsyncScope();
        var identity = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        counts.Total.ShouldBe(await identity.Users.CountAsync());
        foreach (var role in counts.Roles)
        {
            role.Count.ShouldBe((await identity.GetUsersInRoleAsync(role.Role)).Count, role.Role);
        }

        counts.Roles.Single(r => r.Role == PortalRoles.Provider).Count.ShouldBeGreaterThan(0);
        counts.Disabled.ShouldBe(0);
    }

    [Fact]
    public async Task Counts_FollowADisabledAccount_NotOneLockedOutForAWhile_AndCountAPersonWithTwoRolesUnderEach()
    {
        var admin = await _app.PrincipalAsync(DemoData.AdminEmail);
        var before = (await Overview.CountAsync(admin)).Value!;
        var users = _app.Services.GetRequiredService<UserAdministration>();
        var operatorId = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.OperatorEmail).Select(u => u.Id).SingleAsync());

        (await users.DisableAsync(admin, operatorId)).Succeeded.ShouldBeTrue();
        (await users.SetRolesAsync(admin, operatorId, [PortalRoles.SkaOperator, PortalRoles.Admin])).Succeeded.ShouldBeTrue();
        // Locked out for a while after wrong passwords is not disabled.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var manager = (await identity.FindByEmailAsync(DemoData.BrandManagerEmail))!;
            (await identity.SetLockoutEndDateAsync(manager, _app.Clock.GetUtcNow().AddMinutes(15))).Succeeded.ShouldBeTrue();
        }

        var after = (await Overview.CountAsync(admin)).Value!;
        after.Total.ShouldBe(before.Total);
        after.Disabled.ShouldBe(before.Disabled + 1);
        Count(after, PortalRoles.SkaOperator).ShouldBe(Count(before, PortalRoles.SkaOperator));
        Count(after, PortalRoles.Admin).ShouldBe(Count(before, PortalRoles.Admin) + 1);
    }

    [Theory]
    [InlineData(DemoData.OperatorEmail)]
    [InlineData(DemoData.BrandManagerEmail)]
    [InlineData(DemoData.ProviderManagerEmail)]
    public async Task Counts_ForAnyoneButAnAdmin_AreRefusedWithoutFigures(string email)
    {
        var outcome = await Overview.CountAsync(await _app.PrincipalAsync(email));

        outcome.Succeeded.ShouldBeFalse();
        outcome.Value.ShouldBeNull();
        outcome.Errors.ShouldBe(["Only administrators may do this."]);
    }

    private static int Count(AccountCounts counts, string role) => counts.Roles.Single(r => r.Role == role).Count;
}
