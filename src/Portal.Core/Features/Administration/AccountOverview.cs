using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;

namespace Portal.Core.Features.Administration;

/// <summary>How many accounts hold a role (a person with two roles counts under each).</summary>
public sealed record RoleCount(string Role, int Count);

/// <summary>The accounts at a glance: all of them, those disabled, and each role's (every role listed, none counted twice).</summary>
public sealed record AccountCounts(int Total, int Disabled, IReadOnlyList<RoleCount> Roles);

/// <summary>
/// The admin home's figures about accounts, counted by the database: the home no longer reads every account to
/// show them (the users list pages on the server, <see cref="UserAdministration.ListAsync"/>). Admin only.
/// </summary>
public sealed class AccountOverview(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<AdminStrings> strings, TimeProvider clock)
{
    public async Task<Outcome<AccountCounts>> CountAsync(ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return Outcome<AccountCounts>.Fail(strings["Admin_Refused"]);
        }

        var total = await db.Users.CountAsync(cancellationToken);
        var disabledFrom = UserState.DisabledUntil;
        var disabled = await db.Users.CountAsync(u => u.LockoutEnd >= disabledFrom, cancellationToken);
        var counted = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .GroupBy(name => name)
            .Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var roles = PortalRoles.All
            .Select(role => new RoleCount(role, counted.SingleOrDefault(c => c.Role == role)?.Count ?? 0))
            .ToList();
        return Outcome<AccountCounts>.Success(new AccountCounts(total, disabled, roles));
    }
}
