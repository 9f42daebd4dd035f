using System.Net.Mail;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Email;
using Portal.Core.Features.Live;
using Portal.Core.Features.Providers;
using Portal.Core.Work;
using Portal.Core.Localization;

namespace Portal.Core.Features.Brands;

public sealed record MemberView(Guid UserId, string DisplayName, string Email, BrandMemberRole Role, DateTimeOffset JoinedAt);

public sealed record InvitationView(Guid Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record MembersView(IReadOnlyList<MemberView> Members, IReadOnlyList<InvitationView> PendingInvitations, bool CanManage);

/// <summary>
/// A brand's members: the owner invites people by e-mail, sees who is in, and removes members.
/// Removing a member takes effect at once because every brand page and service asks the database.
/// </summary>
public sealed class MembershipService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<ApplicationStrings> strings,
    EmailComposer composer,
    IWorkDispatcher dispatcher,
    IOptionsMonitor<ApplicationOptions> options,
    ILiveUpdates live,
    TimeProvider clock)
{
    /// <summary>Members and pending invitations, for the brand's members and staff; null for anyone else.</summary>
    public async Task<MembersView?> ListAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null)
        {
            return null;
        }

        var myRole = await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken);
        if (myRole is null && !BrandDirectory.IsStaff(user))
        {
            return null;
        }

        var members = await db.BrandMembers.AsNoTracking().Where(m => m.BrandId == brand.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new MemberView(u.Id, u.DisplayName, u.Email ?? "", m.Role, m.JoinedAt))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var invitations = await db.BrandInvitations.AsNoTracking()
            .Where(i => i.BrandId == brand.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new InvitationView(i.Id, i.Email, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
        return new MembersView(members.OrderBy(m => m.Role).ThenBy(m => m.DisplayName, NameOrder.Comparer).ThenBy(m => m.JoinedAt).ToList(), invitations, myRole == BrandMemberRole.Owner);
    }

    /// <summary>The owner invites <paramref name="email"/>: a single-use link valid for the configured days is e-mailed.</summary>
    public async Task<Outcome> InviteAsync(ClaimsPrincipal user, string code, string email, Func<string, string> acceptUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null || await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken) != BrandMemberRole.Owner)
        {
            return Outcome.Fail(strings["Refused_OwnerOnly"]);
        }

        var address = email.Trim().ToLowerInvariant();
        // At most what an account's address may be: the invited person gets one when they accept.
        if (address.Length > StoredText.Limit<Accounts.PortalUser>(db, nameof(Accounts.PortalUser.Email)) || !MailAddress.TryCreate(address, out _))
        {
            return Outcome.Fail(strings["Validation_Email", strings["Field_InviteEmail"]]);
        }

        var alreadyMember = await db.BrandMembers.Where(m => m.BrandId == brand.Id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail)
            .AnyAsync(e => e == address.ToUpperInvariant(), cancellationToken);
        if (alreadyMember)
        {
            return Outcome.Fail(strings["Refused_AlreadyMember", address]);
        }

        var now = clock.GetUtcNow();
        // A new invitation replaces any earlier one to the same address.
        foreach (var earlier in await db.BrandInvitations.Where(i => i.BrandId == brand.Id && i.Email == address && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(cancellationToken))
        {
            earlier.RevokedAt = now;
        }

        var (token, tokenHash) = InvitationTokens.New();
        var inviter = BrandDirectory.UserId(user)!.Value;
        var inviterName = await db.Users.Where(u => u.Id == inviter).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        db.BrandInvitations.Add(new BrandInvitation
        {
            BrandId = brand.Id,
            Email = address,
            TokenHash = tokenHash,
            InvitedByUserId = inviter,
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.CurrentValue.InvitationValidDays),
        });
        var message = composer.Invitation(address, $"{brand.NameZh} · {brand.NameEn}", inviterName, acceptUrl(token), options.CurrentValue.InvitationValidDays, System.Globalization.CultureInfo.CurrentUICulture.Name);
        db.OutgoingEmails.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        dispatcher.SendEmail(message.Id);
        return Outcome.Ok;
    }

    public async Task<Outcome> RevokeInvitationAsync(ClaimsPrincipal user, string code, Guid invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null || await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken) != BrandMemberRole.Owner)
        {
            return Outcome.Fail(strings["Refused_OwnerOnly"]);
        }

        var invitation = await db.BrandInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.BrandId == brand.Id, cancellationToken);
        if (invitation is not null && invitation.AcceptedAt is null)
        {
            invitation.RevokedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Ok;
    }

    /// <summary>The owner removes a member; the owner cannot remove themself.</summary>
    public async Task<Outcome> RemoveMemberAsync(ClaimsPrincipal user, string code, Guid memberUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var brand = await db.Brands.SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (brand is null || await BrandDirectory.MemberRoleAsync(db, user, brand.Id, cancellationToken) != BrandMemberRole.Owner)
        {
            return Outcome.Fail(strings["Refused_OwnerOnly"]);
        }

        var member = await db.BrandMembers.SingleOrDefaultAsync(m => m.BrandId == brand.Id && m.UserId == memberUserId, cancellationToken);
        if (member is null)
        {
            return Outcome.Ok;
        }

        if (member.Role == BrandMemberRole.Owner)
        {
            return Outcome.Fail(strings["Refused_RemoveOwner"]);
        }

        db.BrandMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        live.Publish(BrandDelegationService.LiveKind, brand.Id.ToString("D")); // the removed person's open pages of the brand close
        return Outcome.Ok;
    }

    internal static string Hash(string token) => InvitationTokens.Hash(token);

}
