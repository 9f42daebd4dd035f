using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Portal.Core.Data;
using Portal.Core.Features.Administration;

namespace Portal.Core.Features.Audit;

/// <summary>Why the chain breaks at an entry.</summary>
public enum ChainBreak
{
    /// <summary>The entry's fields, or the hash before it, no longer give its stored hash: it was changed.</summary>
    Altered,

    /// <summary>The entry's position does not follow the one before: entries were removed or reordered.</summary>
    Gap,
}

/// <summary>The first entry at which the chain does not hold.</summary>
public sealed record BrokenAuditEntry(long Sequence, Guid Id, DateTimeOffset At, string EntityType, string EntityKey, ChainBreak Reason);

/// <summary>What a verification found: how many entries were checked, and the first broken one, if any.</summary>
public sealed record AuditChainReport(long Checked, BrokenAuditEntry? Broken)
{
    public bool Intact => Broken is null;
}

/// <summary>
/// Recomputes the audit trail's hash chain from the first entry to the last (streamed, nothing held
/// in memory) and reports the first entry that does not match (Admin only).
/// </summary>
public sealed class AuditChainVerification(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<AdminStrings> strings,
    TimeProvider clock)
{
    public async Task<Outcome<AuditChainReport>> VerifyAsync(ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await AdminGate.AdminIdAsync(db, admin, clock, cancellationToken) is null)
        {
            return Outcome<AuditChainReport>.Fail(strings["Admin_Refused"]);
        }

        return Outcome<AuditChainReport>.Success(await VerifyAsync(db, cancellationToken));
    }

    /// <summary>The check itself, on a context the caller owns (start-up checks and tests).</summary>
    public static async Task<AuditChainReport> VerifyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        long checkedCount = 0;
        var previousHash = AuditChain.Genesis;
        long previousSequence = 0;
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var reason = entry.Sequence != previousSequence + 1 ? ChainBreak.Gap
                : !string.Equals(AuditChain.HashOf(entry, previousHash), entry.Hash, StringComparison.Ordinal) ? ChainBreak.Altered
                : (ChainBreak?)null;
            if (reason is { } broken)
            {
                return new AuditChainReport(checkedCount, new BrokenAuditEntry(entry.Sequence, entry.Id, entry.At, entry.EntityType, entry.EntityKey, broken));
            }

            checkedCount++;
            previousHash = entry.Hash;
            previousSequence = entry.Sequence;
        }

        return new AuditChainReport(checkedCount, null);
    }
}
