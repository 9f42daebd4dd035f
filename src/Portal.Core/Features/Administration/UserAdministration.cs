using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Audit;
using Portal.Core.Features.Providers;
using Portal.Core.Work;

namespace Portal.Core.Features.Administration;

/// <summary>A person as the users list shows them.</summary>
public sealed record UserRow(
    Guid Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool Disabled,
    bool PasswordSet,
    DateTimeOffset CreatedAt);

/// <summary>What the users list asks for: text in e-mail or name, a role, and the page.</summary>
public sealed record UserQuery(string? Search = null, string? Role = null, int Page = 0, int PageSize = 25);

/// <summary>
/// Administration of people: list, invite staff, change roles, disable and enable. Admin only, on
/// every call. Each change bumps the account's security stamp where access must shrink, so open
/// pages and cookies lose it at the next revalidation; the audit trail records every change.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes,
    IStringLocalizer<AdminStrings> strings,
    AdminEmails emails,
    IWorkDispatcher dispatcher,
    ProviderDeparture departure,
    TimeProvider clock)
{
    /// <summary>The roles an admin may give to staff.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [PortalRoles.SkaOperator, PortalRoles.Admin];

    public async Task<Outcome<PageOf<UserRow>>> ListAsync(ClaimsPrincipal admin, UserQuery query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return Outcome<PageOf<UserRow>>.Fail(strings["Admin_Refused"]);
        }

        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(text) || u.DisplayName.ToUpper().Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            var role = query.Role;
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        var total = await users.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = await users
            .OrderBy(u => u.NormalizedEmail)
            .Skip(Math.Max(0, query.Page) * size)
            .Take(size)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, HasPassword = u.PasswordHash != null, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var rows = page.Select(u => new UserRow(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
                UserState.IsDisabled(u.LockoutEnd),
                u.HasPassword,
                u.CreatedAt))
            .ToList();
        return Outcome<PageOf<UserRow>>.Success(new PageOf<UserRow>(rows, total));
    }

    /// <summary>
    /// Creates a staff account without a password and e-mails a single-use link to set one (a
    /// password-reset token: it stops working once used, because setting the password changes the
    /// security stamp). The account, its role, the e-mail and the audit entries commit together.
    /// </summary>
    public async Task<Outcome<Guid>> InviteStaffAsync(
        ClaimsPrincipal admin, string email, string displayName, string role, Func<string, string, string> setPasswordUrl, string? culture, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return Outcome<Guid>.Fail(strings["Admin_Refused"]);
        }

        var address = (email ?? "").Trim();
        var name = (displayName ?? "").Trim();
        var errors = new List<string>();
        if (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || address.Length > 256)
        {
            errors.Add(strings["Admin_InvalidEmail"]);
        }

        if (name.Length is 0 or > 100)
        {
            errors.Add(strings["Admin_InvalidName"]);
        }

        if (!StaffRoles.Contains(role))
        {
            errors.Add(strings["Admin_InvalidRole"]);
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Fail(errors);
        }

        if (await users.FindByEmailAsync(address) is not null)
        {
            return Outcome<Guid>.Fail(strings["Admin_AccountExists", address]);
        }

        using var audit = AuditScope.Begin(admin, AdminOperations.InviteStaff);
        var user = new PortalUser { UserName = address, Email = address, DisplayName = name, PreferredCulture = culture };
        Guid emailId;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return Outcome<Guid>.Fail(created.Errors.Select(e => e.Description));
            }

            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return Outcome<Guid>.Fail(added.Errors.Select(e => e.Description));
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var inviter = await db.Users.Where(u => u.Id == AuditScope.Current!.Actor.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var message = emails.StaffInvitation(address, name, inviter, role, setPasswordUrl(token, address), culture);
            db.OutgoingEmails.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            emailId = message.Id;
        }

        dispatcher.SendEmail(emailId);
        return Outcome<Guid>.Success(user.Id);
    }

    /// <summary>
    /// Gives the account exactly <paramref name="roles"/>. An admin cannot take Admin from themself, nor give a
    /// staff role to a person of a provider; taking a provider person's Provider role takes them out of the provider
    /// (<see cref="ProviderDeparture"/>). The security stamp changes, so the person signs in again and gets the new roles.
    /// </summary>
    public async Task<Outcome> SetRolesAsync(ClaimsPrincipal admin, Guid userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is not { } adminId)
        {
            return Outcome.Fail(strings["Admin_Refused"]);
        }

        if (roles.Count == 0 || roles.Any(r => !PortalRoles.All.Contains(r)))
        {
            return Outcome.Fail(strings["Admin_InvalidRole"]);
        }

        if (userId == adminId && !roles.Contains(PortalRoles.Admin))
        {
            return Outcome.Fail(strings["Admin_CannotDemoteSelf"]);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Outcome.Fail(strings["Admin_UserNotFound"]);
        }

        using var audit = AuditScope.Begin(admin, AdminOperations.ChangeRoles);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A person of a provider is never staff (as joining one refuses staff), and taking their Provider role takes them out of it.
        var membership = await ProviderDeparture.MembershipUnderHoldAsync(db, userId, cancellationToken);
        if (membership is not null && roles.Any(StaffRoles.Contains))
        {
            var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == membership.ProviderId, cancellationToken);
            return Outcome.Fail(strings["Admin_ProviderPersonNotStaff", user.Email ?? "", provider.DisplayName(CultureInfo.CurrentUICulture)]);
        }

        var current = await users.GetRolesAsync(user);
        var toAdd = roles.Except(current).ToList();
        var toRemove = current.Except(roles).ToList();
        var leaves = membership is not null && !roles.Contains(PortalRoles.Provider);
        if (toAdd.Count == 0 && toRemove.Count == 0 && !leaves)
        {
            return Outcome.Ok;
        }

        if (leaves)
        {
            // The departure takes the Provider role itself, with the membership and the invitations the person sent.
            await departure.LeaveAsync(db, users, membership!, cancellationToken);
            toRemove.Remove(PortalRoles.Provider);
        }

        var result = toRemove.Count > 0 ? await users.RemoveFromRolesAsync(user, toRemove) : IdentityResult.Success;
        if (result.Succeeded && toAdd.Count > 0)
        {
            result = await users.AddToRolesAsync(user, toAdd);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return Outcome.Fail(result.Errors.Select(e => e.Description));
        }

        await transaction.CommitAsync(cancellationToken);
        if (leaves)
        {
            await departure.TellServedBrandsAsync(db, membership!.ProviderId, cancellationToken);
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// Disables the account: sign-in is refused (a lockout without end) and the security stamp
    /// changes, so cookies and open pages lose access at their next revalidation (one minute by
    /// default). An admin cannot disable themself.
    /// </summary>
    public async Task<Outcome> DisableAsync(ClaimsPrincipal admin, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is not { } adminId)
        {
            return Outcome.Fail(strings["Admin_Refused"]);
        }

        if (userId == adminId)
        {
            return Outcome.Fail(strings["Admin_CannotDisableSelf"]);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Outcome.Fail(strings["Admin_UserNotFound"]);
        }

        if (UserState.IsDisabled(user))
        {
            return Outcome.Ok;
        }

        using var audit = AuditScope.Begin(admin, AdminOperations.Disable);
        user.LockoutEnabled = true;
        user.LockoutEnd = UserState.DisabledUntil;
        // One save: the lockout and the new stamp (and their audit entry) land together.
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? Outcome.Ok : Outcome.Fail(result.Errors.Select(e => e.Description));
    }

    /// <summary>Enables a disabled account again; the person signs in with their password.</summary>
    public async Task<Outcome> EnableAsync(ClaimsPrincipal admin, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return Outcome.Fail(strings["Admin_Refused"]);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return Outcome.Fail(strings["Admin_UserNotFound"]);
        }

        if (!UserState.IsDisabled(user))
        {
            return Outcome.Ok;
        }

        using var audit = AuditScope.Begin(admin, AdminOperations.Enable);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? Outcome.Ok : Outcome.Fail(result.Errors.Select(e => e.Description));
    }
}
