using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Email;
using Portal.Core.Features.Links;
using Portal.Core.Localization;
using Portal.Core.Work;

namespace Portal.Core.Features.Providers;

/// <summary>An invitation not yet accepted, withdrawn or expired.</summary>
public sealed record ProviderInvitationView(Guid Id, string Email, ProviderRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>The people page of the reader's own provider.</summary>
/// <param name="CanManage">Whether the reader is a manager (operators read only).</param>
public sealed record ProviderPeopleView(
    string Code, string NameZh, string NameEn, ProviderStatus Status, Guid MyUserId, bool CanManage,
    IReadOnlyList<ProviderMemberView> Members, IReadOnlyList<ProviderInvitationView> PendingInvitations);

/// <summary>
/// A provider's people: its managers invite colleagues by e-mail (single-use link, as for brands), withdraw
/// pending invitations and remove people, never the last manager. Every call finds the caller's provider and
/// role in the database, so a removed manager's open page can do nothing more.
/// </summary>
public sealed class ProviderPeople(
    IServiceScopeFactory scopes,
    IStringLocalizer<ProviderStrings> strings,
    IWorkDispatcher dispatcher,
    IOptionsMonitor<ApplicationOptions> options,
    PublicLinks links,
    ProviderDeparture departure,
    TimeProvider clock)
{
    /// <summary>The reader's provider with its people and pending invitations; null when they belong to none.</summary>
    public async Task<ProviderPeopleView?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await CallerAsync(db, user, cancellationToken) is not { } caller)
        {
            return null;
        }

        var (provider, role, userId) = caller;
        var now = clock.GetUtcNow();
        var invitations = await db.ProviderInvitations.AsNoTracking()
            .Where(i => i.ProviderId == provider.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new ProviderInvitationView(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
        return new ProviderPeopleView(provider.Code, provider.NameZh, provider.NameEn, provider.Status, userId, role == ProviderRole.Manager,
            await MembersAsync(db, provider.Id, cancellationToken), invitations);
    }

    /// <summary>A manager invites <paramref name="email"/> to join as <paramref name="role"/>: a single-use link valid for the configured days is e-mailed.</summary>
    public async Task<Outcome> InviteAsync(ClaimsPrincipal user, string email, ProviderRole role = ProviderRole.Operator, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await ManagerAsync(db, user, cancellationToken) is not { } caller)
        {
            return Outcome.Fail(strings["Refused_ManagerOnly"]);
        }

        var (provider, _, inviterId) = caller;
        if (provider.Status is ProviderStatus.Rejected or ProviderStatus.Suspended)
        {
            return Outcome.Fail(strings[$"Refused_Provider{provider.Status}"]);
        }

        var address = (email ?? "").Trim().ToLowerInvariant();
        // At most what an account's address may be: the invited person gets one when they accept.
        if (address.Length == 0 || address.Length > StoredText.Limit<Accounts.PortalUser>(db, nameof(Accounts.PortalUser.Email)) || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return Outcome.Fail(strings["Validation_Email", strings["Field_InviteEmail"]]);
        }

        if (!Enum.IsDefined(role))
        {
            return Outcome.Fail(strings["Validation_Role"]);
        }

        var normalized = address.ToUpperInvariant();
        if (await db.ProviderMembers.Where(m => m.ProviderId == provider.Id).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail).AnyAsync(e => e == normalized, cancellationToken))
        {
            return Outcome.Fail(strings["Refused_AlreadyMember", address]);
        }

        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await accounts.FindByEmailAsync(address) is { } account && await ProviderInvitationAcceptance.IsStaffAsync(accounts, account))
        {
            return Outcome.Fail(strings["Refused_StaffJoin"]);
        }

        var now = clock.GetUtcNow();
        // A new invitation replaces any earlier one to the same address.
        foreach (var earlier in await db.ProviderInvitations.Where(i => i.ProviderId == provider.Id && i.Email == address && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            earlier.RevokedAt = now;
        }

        var (token, hash) = InvitationTokens.New();
        var days = options.CurrentValue.InvitationValidDays;
        db.ProviderInvitations.Add(new ProviderInvitation
        {
            ProviderId = provider.Id, Email = address, TokenHash = hash, Role = role, InvitedByUserId = inviterId, CreatedAt = now, ExpiresAt = now.AddDays(days),
        });
        var inviterName = await db.Users.Where(u => u.Id == inviterId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var message = InvitationEmail(address, provider, inviterName, role, links.To(ProviderPaths.Invitation(token)), days, CultureInfo.CurrentUICulture.Name);
        db.OutgoingEmails.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.SendEmail(message.Id);
        return Outcome.Ok;
    }

    /// <summary>A manager withdraws a pending invitation of their provider (an accepted one stays as it is).</summary>
    public async Task<Outcome> RevokeInvitationAsync(ClaimsPrincipal user, Guid invitationId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await ManagerAsync(db, user, cancellationToken) is not { } caller)
        {
            return Outcome.Fail(strings["Refused_ManagerOnly"]);
        }

        var invitation = await db.ProviderInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.ProviderId == caller.Provider.Id, cancellationToken);
        if (invitation is not null && invitation.AcceptedAt is null && invitation.RevokedAt is null)
        {
            invitation.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// A manager removes a person from the provider (<see cref="ProviderDeparture"/>): they lose the Provider role,
    /// the invitations they sent and, with the new security stamp, the pages at the next revalidation. The last
    /// manager cannot be removed, also when two managers remove each other at once.
    /// </summary>
    public async Task<Outcome> RemoveMemberAsync(ClaimsPrincipal user, Guid memberUserId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await ManagerAsync(db, user, cancellationToken) is not { } caller)
        {
            return Outcome.Fail(strings["Refused_ManagerOnly"]);
        }

        var providerId = caller.Provider.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ProviderHold.HoldAsync(db, providerId, cancellationToken); // two removals at once: the second counts the managers the first left
        // Read again under the hold: the caller may have been removed meanwhile, and the managers counted are the ones left.
        if (!await db.ProviderMembers.AnyAsync(m => m.ProviderId == providerId && m.UserId == caller.UserId && m.Role == ProviderRole.Manager, cancellationToken))
        {
            return Outcome.Fail(strings["Refused_ManagerOnly"]);
        }

        var member = await db.ProviderMembers.SingleOrDefaultAsync(m => m.ProviderId == providerId && m.UserId == memberUserId, cancellationToken);
        if (member is null)
        {
            return Outcome.Ok;
        }

        if (member.Role == ProviderRole.Manager && !await ProviderDeparture.KeepsAManagerWithoutAsync(db, providerId, memberUserId, cancellationToken))
        {
            return Outcome.Fail(strings["Refused_LastManager"]);
        }

        await departure.LeaveAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), member, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await departure.TellServedBrandsAsync(db, providerId, cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>The provider's people: managers first, then by name.</summary>
    internal static async Task<IReadOnlyList<ProviderMemberView>> MembersAsync(PortalDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        var members = await db.ProviderMembers.AsNoTracking().Where(m => m.ProviderId == providerId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new ProviderMemberView(u.Id, u.DisplayName, u.Email ?? "", m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        return members.OrderBy(m => m.Role).ThenBy(m => m.DisplayName, NameOrder.Comparer).ThenBy(m => m.JoinedAt).ToList();
    }

    /// <summary>The caller's provider and role, read from the database on every call.</summary>
    private static async Task<(Provider Provider, ProviderRole Role, Guid UserId)?> CallerAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (BrandDirectory.UserId(user) is not { } userId)
        {
            return null;
        }

        var membership = await Delegations.MembershipAsync(db, userId, cancellationToken);
        return membership is { } found ? (found.Provider, found.Role, userId) : null;
    }

    private static async Task<(Provider Provider, ProviderRole Role, Guid UserId)?> ManagerAsync(PortalDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await CallerAsync(db, user, cancellationToken) is { Role: ProviderRole.Manager } caller ? caller : null;

    private OutgoingEmail InvitationEmail(string to, Provider provider, string inviterName, ProviderRole role, string acceptUrl, int validDays, string? culture)
    {
        using var _ = PortalCultures.Use(culture);
        var name = provider.DisplayName(CultureInfo.CurrentUICulture);
        return new OutgoingEmail
        {
            Kind = EmailKind.Invitation,
            To = to,
            Subject = strings["Email_Invitation_Subject", name],
            TextBody = strings["Email_Invitation_Body", inviterName, name, strings[$"Role_{role}"], acceptUrl, validDays],
        };
    }
}
