using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Administration;

/// <summary>
/// Who may administer: an Admin by the principal's roles AND by the database, so an admin who was
/// demoted or disabled a moment ago cannot act from a page opened before.
/// </summary>
internal static class AdminGate
{
    public static async Task<Guid?> AdminIdAsync(PortalDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(PortalRoles.Admin) || BrandDirectory.UserId(user) is not { } id)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var isAdmin = await db.Users
            .Where(u => u.Id == id && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => ur.RoleId)
            .Join(db.Roles, roleId => roleId, r => r.Id, (roleId, r) => r.Name)
            .AnyAsync(name => name == PortalRoles.Admin, cancellationToken);
        return isAdmin ? id : null;
    }
}

/// <summary>Names of the administration operations, as the audit trail shows them.</summary>
public static class AdminOperations
{
    public const string InviteStaff = "User.Invite";
    public const string ChangeRoles = "User.ChangeRoles";
    public const string Disable = "User.Disable";
    public const string Enable = "User.Enable";
    public const string CreateClient = "ApiClient.Create";
    public const string RotateSecret = "ApiClient.RotateSecret";
    public const string RevokeClient = "ApiClient.Revoke";
}

/// <summary>A page of rows and how many rows match in all.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>Whether <paramref name="user"/> is disabled: locked out with no end.</summary>
public static class UserState
{
    /// <summary>
    /// The lockout end that marks a disabled account: Identity refuses sign-in while it lasts. Not
    /// <see cref="DateTimeOffset.MaxValue"/>, which SQLite's tick encoding does not store exactly.
    /// </summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsDisabled(PortalUser user) => IsDisabled(user.LockoutEnd);

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd >= DisabledUntil;
}
