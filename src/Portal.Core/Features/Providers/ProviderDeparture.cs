using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Live;

namespace Portal.Core.Features.Providers;

/// <summary>
/// A person leaving a provider, the one step both ways out take (a manager removing them on the people page, an
/// admin taking their Provider role): the membership goes, the invitations they sent and nobody accepted are
/// withdrawn (so they cannot let themselves back in), the Provider role goes with a new security stamp (open pages
/// and cookies lose it at the next revalidation), and after the commit every brand the provider serves is told, so
/// their open brand pages turn to "not found" at once.
/// </summary>
public sealed class ProviderDeparture(ILiveUpdates live, TimeProvider clock)
{
    /// <summary>
    /// The person's membership, read under their provider's hold (<see cref="ProviderHold"/>) in the open transaction:
    /// a manager removing them at the same moment is seen, instead of failing a departure on a deleted row.
    /// </summary>
    public static async Task<ProviderMember?> MembershipUnderHoldAsync(PortalDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        if (await db.ProviderMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => (Guid?)m.ProviderId).SingleOrDefaultAsync(cancellationToken) is not { } providerId)
        {
            return null;
        }

        await ProviderHold.HoldAsync(db, providerId, cancellationToken);
        return await db.ProviderMembers.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
    }

    /// <summary>Whether the provider would keep a manager without <paramref name="userId"/> (read inside the held transaction).</summary>
    public static Task<bool> KeepsAManagerWithoutAsync(PortalDbContext db, Guid providerId, Guid userId, CancellationToken cancellationToken) =>
        db.ProviderMembers.AnyAsync(m => m.ProviderId == providerId && m.UserId != userId && m.Role == ProviderRole.Manager, cancellationToken);

    /// <summary>Takes <paramref name="member"/> out of their provider, inside the caller's open transaction.</summary>
    public async Task LeaveAsync(PortalDbContext db, UserManager<PortalUser> users, ProviderMember member, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.ProviderMembers.Remove(member);
        foreach (var sent in await db.ProviderInvitations
            .Where(i => i.ProviderId == member.ProviderId && i.InvitedByUserId == member.UserId && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken))
        {
            sent.RevokedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (await users.FindByIdAsync(member.UserId.ToString()) is { } account && await users.IsInRoleAsync(account, PortalRoles.Provider))
        {
            await users.RemoveFromRoleAsync(account, PortalRoles.Provider);
            await users.UpdateSecurityStampAsync(account);
        }
    }

    /// <summary>
    /// After the commit: tells every brand the provider serves (or will serve) that who may reach it changed, so a
    /// departed person's open brand pages re-resolve their scope.
    /// </summary>
    public async Task TellServedBrandsAsync(PortalDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        var brands = await Delegations.ServedOrScheduled(db, providerId, PlatformTime.DayOf(clock.GetUtcNow())).ToListAsync(cancellationToken);
        foreach (var brandId in brands)
        {
            live.Publish(BrandDelegationService.LiveKind, brandId.ToString("D"));
        }
    }
}
