using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;

namespace Portal.Web.Auth;

/// <summary>
/// Keeps sign-in tickets in the database (<see cref="SignInSession"/>), so the sign-in cookie carries only
/// a random key: signing out deletes the row and a copy of the cookie kept from before stops working at
/// once. Rows survive a restart; expired ones are deleted when someone signs in. See ADR 0010.
/// </summary>
internal sealed class DatabaseTicketStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock) : ITicketStore
{
    /// <summary>
    /// The claim that tells an open page (a Blazor circuit) which server-side sign-in it belongs to. It
    /// holds the key's hash, never the key: the stored ticket must not be enough to rebuild a cookie.
    /// </summary>
    public const string SessionClaimType = "portal:session";

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        Stamp(ticket, Hash(key));
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SignInSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.SignInSessions.Add(new SignInSession
        {
            KeyHash = Hash(key),
            UserId = UserIdOf(ticket.Principal),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        // A refreshed sign-in (new security stamp, roles) builds a new principal without the key's claim.
        var hash = Hash(key);
        Stamp(ticket, hash);
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only an existing row: a renewal racing a sign-out must not bring the session back.
        await db.SignInSessions.Where(s => s.KeyHash == hash)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAt, expires), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.SignInSessions.AsNoTracking().SingleOrDefaultAsync(s => s.KeyHash == hash, cancellationToken);
        if (session is null || session.ExpiresAt < clock.GetUtcNow())
        {
            return null;
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.SignInSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the server-side sign-in <paramref name="principal"/> came from still exists (not signed out,
    /// not expired). A principal without the claim did not come from this store (a test's, say) and passes.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.FindFirstValue(SessionClaimType) is not { Length: > 0 } hash)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SignInSessions.AnyAsync(s => s.KeyHash == hash && (s.ExpiresAt == null || s.ExpiresAt >= now), cancellationToken);
    }

    /// <summary>Copies the sign-in's key from <paramref name="current"/> to the principal that replaces it.</summary>
    public static void CarrySessionKey(ClaimsPrincipal? current, ClaimsPrincipal? replacement)
    {
        if (current?.FindFirstValue(SessionClaimType) is { Length: > 0 } hash && replacement is not null)
        {
            Stamp(replacement, hash);
        }
    }

    private static void Stamp(AuthenticationTicket ticket, string keyHash) => Stamp(ticket.Principal, keyHash);

    private static void Stamp(ClaimsPrincipal principal, string keyHash)
    {
        if (principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var old in identity.FindAll(SessionClaimType).ToList())
        {
            identity.TryRemoveClaim(old);
        }

        identity.AddClaim(new Claim(SessionClaimType, keyHash));
    }

    private static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
