using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Email;

/// <summary>
/// The right to send one e-mail, held while it is sent. Several workers share a PostgreSQL job storage, and a
/// job whose worker seemed lost can meet the reconcile job's re-enqueue of the same pending e-mail: without a
/// claim both would send it. On PostgreSQL the claim is a session-level advisory lock on the context's connection,
/// so a worker killed mid-send loses it with its connection and the next attempt may send. On SQLite the claim is
/// in memory, for the several job workers of one process: a second process on the same file (the worker host beside
/// the web host, README "The worker host") is not kept out, so there only one of them should run jobs.
/// </summary>
internal sealed class EmailClaim : IAsyncDisposable
{
    /// <summary>The advisory-lock class of e-mail claims (<c>pg_try_advisory_lock(int, int)</c>'s first key): "MAIL".</summary>
    public const int LockClass = 0x4D41494C;

    /// <summary>The e-mails this process is sending (SQLite): ids are unique, whichever database they are in.</summary>
    private static readonly ConcurrentDictionary<Guid, byte> Sending = new();

    private readonly PortalDbContext? _db;
    private readonly Guid _emailId;

    private EmailClaim(PortalDbContext? db, Guid emailId)
    {
        _db = db;
        _emailId = emailId;
    }

    /// <summary>The claim, or null when another session (or, on SQLite, another worker of this process) holds it.</summary>
    public static async Task<EmailClaim?> TryTakeAsync(PortalDbContext db, Guid emailId, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return Sending.TryAdd(emailId, 0) ? new EmailClaim(null, emailId) : null;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(null, $"SELECT pg_try_advisory_lock({LockClass}, hashtext(@id::text))", ("@id", emailId));
        return await command.ExecuteScalarAsync(cancellationToken) is true ? new EmailClaim(db, emailId) : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            Sending.TryRemove(_emailId, out _);
        }
        else
        {
            await _db.Database.GetDbConnection().ExecuteAsync(null, $"SELECT pg_advisory_unlock({LockClass}, hashtext(@id::text))", CancellationToken.None, ("@id", _emailId));
            await _db.Database.CloseConnectionAsync();
        }
    }
}
