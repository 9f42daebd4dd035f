using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;

namespace Portal.Core.Features.Audit;

/// <summary>
/// The audit trail as a hash chain: each entry carries a position (<see cref="AuditEntry.Sequence"/>)
/// and the SHA-256 of its own fields together with the previous entry's hash, so changing, removing
/// or reordering a stored entry shows at that entry. The database refuses updates and deletes as well
/// (triggers); the chain is what shows tampering by someone who got past them.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "";

    /// <summary>
    /// The key of the transaction-scoped advisory lock that serialises appends to the chain on PostgreSQL
    /// (an arbitrary constant; <c>pg_advisory_xact_lock</c> takes a bigint). "STEPSAUD" in ASCII.
    /// </summary>
    public const long PostgresLockKey = 0x5354455053415544;

    /// <summary>The instant as it reads back from the database (<see cref="StoredValues"/>): the hash covers the value as stored, not as written.</summary>
    public static DateTimeOffset AsStored(DateTimeOffset at, StoredValues values) => values.RoundTrip(at);

    /// <summary>
    /// The entry's fields in a fixed order as a JSON array (unambiguous: no field can run into the next),
    /// followed by the previous hash.
    /// </summary>
    /// <remarks>The provider is appended only when there is one, so entries written before providers existed keep their hashes.</remarks>
    public static string Canonical(AuditEntry entry, string previousHash) => JsonSerializer.Serialize(entry.ActorProviderId is { } provider
        ? [.. Fields(entry, previousHash), provider.ToString("D")]
        : Fields(entry, previousHash));

    private static object?[] Fields(AuditEntry entry, string previousHash) => new object?[]
    {
        entry.Sequence,
        entry.Id.ToString("D"),
        entry.At.UtcTicks,
        entry.ActorUserId?.ToString("D"),
        entry.ActorName,
        entry.ActorEmail,
        entry.BrandId?.ToString("D"),
        entry.EntityType,
        entry.EntityKey,
        entry.Action.ToString(),
        entry.Operation,
        entry.Changes,
        previousHash,
    };

    /// <summary>SHA-256 (lower-case hex) of <see cref="Canonical"/>.</summary>
    public static string HashOf(AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry, previousHash))));

    /// <summary>
    /// Gives <paramref name="entries"/> the next positions after the stored tip of the chain and their
    /// hashes. Must run inside the write transaction that inserts them, so that no other writer can
    /// append between the read of the tip and the insert: SQLite's <c>BEGIN IMMEDIATE</c> holds the
    /// write lock; on PostgreSQL a transaction-scoped advisory lock is taken first (held until commit or
    /// rollback; under READ COMMITTED the tip read after it sees every chain committed before). The unique
    /// index on the position refuses a fork should it ever be tried.
    /// </summary>
    internal static async Task LinkAsync(DbContext context, IReadOnlyList<AuditEntry> entries, bool async, CancellationToken cancellationToken)
    {
        var values = StoredValues.For(context.Database);
        if (values.IsPostgres)
        {
            FormattableString lockTip = $"SELECT pg_advisory_xact_lock({PostgresLockKey})";
            _ = async ? await context.Database.ExecuteSqlAsync(lockTip, cancellationToken) : context.Database.ExecuteSql(lockTip);
        }

        var tipQuery = context.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash });
        var tip = async ? await tipQuery.FirstOrDefaultAsync(cancellationToken) : tipQuery.FirstOrDefault();
        var sequence = tip?.Sequence ?? 0;
        var previous = tip?.Hash ?? Genesis;
        foreach (var entry in entries)
        {
            entry.At = AsStored(entry.At, values);
            entry.Sequence = ++sequence;
            entry.Hash = HashOf(entry, previous);
            previous = entry.Hash;
        }
    }

    /// <summary>
    /// Seals entries written before the chain existed (their hash is empty), in their order, once, when the
    /// database is brought up to date. The update trigger lets exactly this change through: an empty hash
    /// set, nothing else touched.
    /// </summary>
    internal static async Task SealUnsealedAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!await context.Set<AuditEntry>().AnyAsync(e => e.Hash == "", cancellationToken))
        {
            return;
        }

        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var previous = Genesis;
        foreach (var entry in await context.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
        {
            if (entry.Hash.Length == 0)
            {
                entry.Hash = HashOf(entry, previous);
                await context.Set<AuditEntry>().Where(e => e.Id == entry.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(e => e.Hash, entry.Hash), cancellationToken);
            }

            previous = entry.Hash;
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
