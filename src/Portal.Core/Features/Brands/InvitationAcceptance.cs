using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;

namespace Portal.Core.Features.Brands;

/// <summary>What the invitation page shows before anyone accepts.</summary>
public sealed record InvitationLookup(InvitationState State, string? BrandCode, string? BrandName, string? Email, string? InviterName, bool AccountExists);

/// <summary>
/// Accepting an invitation: links a signed-in account, or creates the account for the invited
/// address. Each link works once: the first acceptance wins, even when two arrive together.
/// </summary>
public sealed class InvitationAcceptance(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IStringLocalizer<ApplicationStrings> strings,
    IStringLocalizer<AccountSecurityCoreStrings> securityStrings,
    TimeProvider clock)
{
    public async Task<InvitationLookup> LookupAsync(string token, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return new InvitationLookup(InvitationState.Unknown, null, null, null, null, false);
        }

        var (invitation, brand) = found.Value;
        var inviter = await db.Users.Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var exists = await users.FindByEmailAsync(invitation.Email) is not null;
        return new InvitationLookup(invitation.StateAt(clock.GetUtcNow()), brand.Code, $"{brand.NameZh} · {brand.NameEn}", invitation.Email, inviter, exists);
    }

    /// <summary>
    /// Makes the signed-in <paramref name="userId"/> a member of the invitation's brand, when it is the
    /// invited address's account: a link forwarded to (or intercepted by) someone else changes nothing.
    /// </summary>
    public async Task<Outcome<string>> AcceptAsync(string token, Guid userId, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return Outcome<string>.Fail(strings["Invitation_Unknown"]);
        }

        var (invitation, brand) = found.Value;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !IsInvited(invitation.Email, user))
        {
            return Outcome<string>.Fail(securityStrings["Invitation_OtherAccount", invitation.Email]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ClaimAsync(invitation, userId, cancellationToken) is { } refusal)
        {
            return Outcome<string>.Fail(refusal);
        }

        await JoinAsync(brand.Id, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<string>.Success(brand.Code);
    }

    /// <summary>Creates a brand-manager account for the invited address and makes it a member, in one transaction.</summary>
    public async Task<Outcome<(Guid UserId, string BrandCode)>> AcceptWithNewAccountAsync(string token, string displayName, string password, string culture, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return Outcome<(Guid, string)>.Fail(strings["Invitation_Unknown"]);
        }

        var (invitation, brand) = found.Value;
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return Outcome<(Guid, string)>.Fail(strings["Validation_Required", strings["Field_DisplayName"]]);
        }

        if (displayName.Trim().Length > Accounts.RegistrationRequest.MaxDisplayName)
        {
            return Outcome<(Guid, string)>.Fail(strings["Validation_TooLong", strings["Field_DisplayName"], Accounts.RegistrationRequest.MaxDisplayName]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = InvitationTokens.NewAccount(invitation.Email, displayName, culture);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Outcome<(Guid, string)>.Fail(created.Errors.Select(e => e.Description).Distinct());
        }

        var role = await users.AddToRoleAsync(user, PortalRoles.BrandManager);
        if (!role.Succeeded)
        {
            return Outcome<(Guid, string)>.Fail(role.Errors.Select(e => e.Description));
        }

        if (await ClaimAsync(invitation, user.Id, cancellationToken) is { } refusal)
        {
            return Outcome<(Guid, string)>.Fail(refusal);
        }

        await JoinAsync(brand.Id, user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<(Guid, string)>.Success((user.Id, brand.Code));
    }

    /// <summary>Whether <paramref name="user"/>'s e-mail address is the invited one (as Identity compares addresses).</summary>
    public bool IsInvited(string invitedEmail, PortalUser user) =>
        user.Email is not null && users.NormalizeEmail(user.Email) == users.NormalizeEmail(invitedEmail);

    /// <summary>Marks the invitation used, unless it is no longer valid; one conditional update, so only one acceptance wins.</summary>
    private async Task<string?> ClaimAsync(BrandInvitation invitation, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = invitation.StateAt(now);
        if (state != InvitationState.Valid)
        {
            return strings[$"Invitation_{state}"].Value;
        }

        var claimed = await db.BrandInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        return claimed == 1 ? null : strings["Invitation_Used"].Value;
    }

    private async Task JoinAsync(Guid brandId, Guid userId, CancellationToken cancellationToken)
    {
        if (!await db.BrandMembers.AnyAsync(m => m.BrandId == brandId && m.UserId == userId, cancellationToken))
        {
            db.BrandMembers.Add(new BrandMember { BrandId = brandId, UserId = userId, Role = BrandMemberRole.Member, JoinedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<(BrandInvitation Invitation, Brand Brand)?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = MembershipService.Hash(token);
        var row = await db.BrandInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Join(db.Brands, i => i.BrandId, b => b.Id, (i, b) => new { i, b })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.i, row.b);
    }
}
