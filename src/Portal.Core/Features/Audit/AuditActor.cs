using System.Security.Claims;

namespace Portal.Core.Features.Audit;

/// <summary>Who an audit entry names: a signed-in person, or the system.</summary>
public sealed record AuditActor(Guid? UserId, string Name, string? Email)
{
    public const string SystemName = "system";

    public static readonly AuditActor System = new(null, SystemName, null);

    /// <summary>The person behind a principal built by the portal's claims factory; <see cref="System"/> when not signed in.</summary>
    public static AuditActor From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return System;
        }

        // The interceptor replaces the name by the account's display name when it writes the entry.
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name);
        return new AuditActor(id, email ?? id.ToString(), email);
    }
}

/// <summary>
/// The actor (and optionally the named operation) for changes saved in the current async flow.
/// Components create DbContexts through a factory, so the interceptor cannot ask a scoped service:
/// the web host sets an ambient actor per request and per circuit activity, and administration
/// services set it explicitly from the principal they are given. Without a scope, changes are the
/// system's.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<Frame?> CurrentFrame = new();

    /// <summary>The innermost frame, or null when nothing set one (jobs, seeding).</summary>
    public static Frame? Current => CurrentFrame.Value;

    /// <summary>Changes saved until the returned handle is disposed are <paramref name="actor"/>'s, as part of <paramref name="operation"/>.</summary>
    /// <remarks>
    /// A frame with an <paramref name="operation"/> also audits accounts (users, their roles) and API
    /// clients, which are only audited when changed through administration, not on every sign-in.
    /// </remarks>
    public static IDisposable Begin(AuditActor actor, string? operation = null)
    {
        var previous = CurrentFrame.Value;
        CurrentFrame.Value = new Frame(actor, operation ?? previous?.Operation);
        return new Restore(previous);
    }

    /// <inheritdoc cref="Begin(AuditActor, string?)"/>
    public static IDisposable Begin(ClaimsPrincipal user, string? operation = null) => Begin(AuditActor.From(user), operation);

    public sealed record Frame(AuditActor Actor, string? Operation);

    private sealed class Restore(Frame? previous) : IDisposable
    {
        public void Dispose() => CurrentFrame.Value = previous;
    }
}
