using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Providers;

/// <summary>What the provider invitation page shows before anyone accepts.</summary>
public sealed record ProviderInvitationLookup(InvitationState State, string? ProviderNameZh, string? ProviderNameEn, ProviderRole Role, string? Email, string? InviterName, bool AccountExists);

/// <summary>
/// Accepting an invitation to a provider: links the invited address's signed-in account, or creates it. The person joins
/// in the invited role and gets the Provider role. A person works for one provider at a time, so someone already in
/// another provider is refused. Each link works once: the first acceptance wins, even when two arrive together.
/// </summary>
public sealed class ProviderInvitationAcceptance(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IStringLocalizer<ProviderStrings> strings,
    IStringLocalizer<AccountSecurityCoreStrings> securityStrings,
    TimeProvider clock)
{
    /// <summary>The invitation behind <paramref name="token"/> and its state (<see cref="InvitationState.Unknown"/> for a made-up link).</summary>
    public async Task<ProviderInvitationLookup> LookupAsync(string token, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(token, cancellationToken) is not ({ } invitation, { } provider))
        {
            return new ProviderInvitationLookup(InvitationState.Unknown, null, null, ProviderRole.Operator, null, null, false);
        }

        var inviter = await db.Users.Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var exists = await users.FindByEmailAsync(invitation.Email) is not null;
        return new ProviderInvitationLookup(invitation.StateAt(clock.GetUtcNow()), provider.NameZh, provider.NameEn, invitation.Role, invitation.Email, inviter, exists);
    }

    /// <summary>Makes the signed-in <paramref name="userId"/> a member, when it is the invited address's account. Returns the provider's code.</summary>
    public async Task<Outcome<string>> AcceptAsync(string token, Guid userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(token, cancellationToken) is not ({ } invitation, { } provider))
        {
            return Outcome<string>.Fail(strings["Invitation_Unknown"]);
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.Email is null || users.NormalizeEmail(user.Email) != users.NormalizeEmail(invitation.Email))
        {
            return Outcome<string>.Fail(securityStrings["Invitation_OtherAccount", invitation.Email]);
        }

        if (await IsStaffAsync(users, user))
        {
            return Outcome<string>.Fail(strings["Refused_StaffJoin"]);
        }

        if (await OtherProviderAsync(userId, provider.Id, cancellationToken) is { } other)
        {
            return Outcome<string>.Fail(strings["Refused_InOtherProvider", other.DisplayName(CultureInfo.CurrentUICulture)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await JoinAsync(invitation, user, cancellationToken) is { } refusal)
        {
            return Outcome<string>.Fail(refusal);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<string>.Success(provider.Code);
    }

    /// <summary>Creates the invited address's account (Provider role only) and makes it a member, in one transaction.</summary>
    public async Task<Outcome<Guid>> AcceptWithNewAccountAsync(string token, string displayName, string password, string culture, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(token, cancellationToken) is not ({ } invitation, _))
        {
            return Outcome<Guid>.Fail(strings["Invitation_Unknown"]);
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            return Outcome<Guid>.Fail(strings["Validation_Required", strings["Field_DisplayName"]]);
        }

        if (displayName.Trim().Length > Accounts.RegistrationRequest.MaxDisplayName)
        {
            return Outcome<Guid>.Fail(strings["Validation_TooLong", strings["Field_DisplayName"], Accounts.RegistrationRequest.MaxDisplayName]);
        }

        if (invitation.StateAt(clock.GetUtcNow()) is var state and not InvitationState.Valid)
        {
            return Outcome<Guid>.Fail(strings[$"Invitation_{state}"]);
        }

        // The address may already belong to a staff account (the invitation was sent before, or by mistake).
        if (await users.FindByEmailAsync(invitation.Email) is { } existing && await IsStaffAsync(users, existing))
        {
            return Outcome<Guid>.Fail(strings["Refused_StaffJoin"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = InvitationTokens.NewAccount(invitation.Email, displayName, culture);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Outcome<Guid>.Fail(created.Errors.Select(e => e.Description));
        }

        if (await JoinAsync(invitation, user, cancellationToken) is { } refusal)
        {
            return Outcome<Guid>.Fail(refusal);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Success(user.Id);
    }

    /// <summary>
    /// Marks the invitation used (one conditional update, so only one acceptance wins), adds the membership and the
    /// Provider role. Null on success; the caller's transaction rolls everything back on a refusal.
    /// </summary>
    private async Task<string?> JoinAsync(ProviderInvitation invitation, PortalUser user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = invitation.StateAt(now);
        if (state != InvitationState.Valid)
        {
            return strings[$"Invitation_{state}"].Value;
        }

        var claimed = await db.ProviderInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, user.Id), cancellationToken);
        if (claimed != 1)
        {
            return strings["Invitation_Used"].Value;
        }

        if (!await db.ProviderMembers.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            db.ProviderMembers.Add(new ProviderMember { ProviderId = invitation.ProviderId, UserId = user.Id, Role = invitation.Role, JoinedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException race) when (UniqueViolation.IsOn(race, "ProviderMembers"))
            {
                // The person joined a provider meanwhile (one provider per person, a unique index).
                return strings["Refused_JoinedMeanwhile"].Value;
            }
        }

        if (!await users.IsInRoleAsync(user, PortalRoles.Provider) && await users.AddToRoleAsync(user, PortalRoles.Provider) is { Succeeded: false } added)
        {
            return string.Join("; ", added.Errors.Select(e => e.Description));
        }

        return null;
    }

    /// <summary>Whether the account is SKA staff (operator or admin): staff watch providers, they never work in one.</summary>
    internal static async Task<bool> IsStaffAsync(UserManager<PortalUser> users, PortalUser user) =>
        await users.IsInRoleAsync(user, PortalRoles.SkaOperator) || await users.IsInRoleAsync(user, PortalRoles.Admin);

    private async Task<Provider?> OtherProviderAsync(Guid userId, Guid providerId, CancellationToken cancellationToken) =>
        await db.ProviderMembers.Where(m => m.UserId == userId && m.ProviderId != providerId)
            .Join(db.Providers, m => m.ProviderId, p => p.Id, (m, p) => p)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<(ProviderInvitation Invitation, Provider Provider)?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!InvitationTokens.IsPlausible(token))
        {
            return null;
        }

        var hash = InvitationTokens.Hash(token);
        var row = await db.ProviderInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Join(db.Providers, i => i.ProviderId, p => p.Id, (i, p) => new { i, p })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.i, row.p);
    }
}
