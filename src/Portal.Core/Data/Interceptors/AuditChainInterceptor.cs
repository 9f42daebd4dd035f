using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Features.Audit;

namespace Portal.Core.Data.Interceptors;

/// <summary>
/// Links every audit entry a SaveChanges adds into the hash chain (<see cref="AuditChain"/>), inside
/// the transaction that inserts it. When the caller has no transaction of its own, this interceptor
/// opens one before reading the chain's tip (SQLite's <c>BEGIN IMMEDIATE</c>: the write lock is taken
/// first; on PostgreSQL <see cref="AuditChain.LinkAsync"/> takes an advisory lock inside it; either way no
/// other writer, in this process or another host, can append in between) and commits it
/// once the changes are saved, or rolls it back when they fail. Registered after <see cref="AuditInterceptor"/>,
/// so it sees the entries that one adds.
/// </summary>
internal sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Owned> _owned = [];

    // Contexts are pooled: one is handed out again (a new lease) even when a save ended without its clean-up call
    // (EF Core runs SavingChanges before the part that reports a failure), and EF has disposed that save's
    // transaction by then. A transaction from another lease is never this save's.
    private sealed record Owned(int Lease, IDbContextTransaction Transaction);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        LinkAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await LinkAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            using (transaction)
            {
                transaction.Commit();
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync(); // disposing an uncommitted transaction rolls it back
        }
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Take(eventData.Context)?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync();
        }
    }

    private async Task LinkAsync(DbContext? context, bool async, CancellationToken cancellationToken)
    {
        if (context is null || context.Model.FindEntityType(typeof(AuditEntry)) is null)
        {
            return;
        }

        var added = context.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Hash.Length == 0)
            .Select(e => e.Entity)
            .OrderBy(e => e.At)
            .ToList();
        if (added.Count == 0)
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            var transaction = async ? await context.Database.BeginTransactionAsync(cancellationToken) : context.Database.BeginTransaction();
            _owned.AddOrUpdate(context, new Owned(context.ContextId.Lease, transaction));
        }

        try
        {
            await AuditChain.LinkAsync(context, added, async, cancellationToken);
        }
        catch
        {
            Take(context)?.Dispose();
            throw;
        }
    }

    private IDbContextTransaction? Take(DbContext? context)
    {
        if (context is null || !_owned.TryGetValue(context, out var owned))
        {
            return null;
        }

        _owned.Remove(context);
        return owned.Lease == context.ContextId.Lease ? owned.Transaction : null;
    }
}
