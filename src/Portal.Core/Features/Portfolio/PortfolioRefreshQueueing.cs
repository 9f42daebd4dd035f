using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Portal.Core.Data;
using Portal.Core.Features.Accounts;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;
using Portal.Core.Work;

namespace Portal.Core.Features.Portfolio;

/// <summary>
/// The SaveChanges step of <see cref="PortfolioRefreshQueue"/>: before EF writes, it adds a
/// <see cref="PendingPortfolioRefresh"/> for every brand the save touches (the brand, its categories, documents,
/// tasks, milestones, figures, tier changes, application events, comments and stream plans; an account manager
/// whose name or e-mail changes queues the brands they manage; an admin edit of a requirement rule or a playbook task,
/// against which every brand is measured, queues every brand), so the queue rows commit with the change. A save
/// that changes a category raises <see cref="PortfolioVersion"/> in its transaction (the category names are cached
/// on it), opening one when the caller has none. Once the change is committed it asks for the refresh job.
/// </summary>
internal sealed class PortfolioRefreshQueueing(IWorkDispatcher dispatcher, TimeProvider clock, ILogger<PortfolioRefreshQueueing> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, SaveState> _saves = [];

    // Contexts are pooled: one is handed out again (a new lease) even when a save ended without its clean-up call
    // (EF Core runs SavingChanges before the part that reports a failure). State from another lease is not this save's.
    private sealed class SaveState
    {
        public int Lease { get; set; }

        public bool Queued { get; set; }

        public IDbContextTransaction? Owned { get; set; }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        QueueAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await QueueAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && TryGetState(context, out var save))
        {
            save.Owned?.Commit();
            Finish(context, save);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TryGetState(context, out var save))
        {
            if (save.Owned is { } owned)
            {
                await owned.CommitAsync(cancellationToken);
            }

            Finish(context, save);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    // A save inside the caller's transaction is only visible once that transaction commits.
    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => DispatchAfterCommit(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        DispatchAfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task QueueAsync(DbContext? context, bool async, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }

        var brands = new HashSet<Guid>();
        var managers = new HashSet<Guid>();
        var categoriesChanged = false;
        var everyBrand = false;
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (BrandOf(entry.Entity) is { } brandId)
            {
                brands.Add(brandId);
            }
            else if (entry.Entity is Category)
            {
                categoriesChanged = true;
            }
            else if (entry.Entity is RequirementRule or PlaybookTask)
            {
                // Every brand's compliance or STEPS progress is measured against these: an admin edit queues them all.
                everyBrand = true;
            }
            else if (entry.Entity is PortalUser user && entry.State == EntityState.Modified && NameChanged(entry))
            {
                managers.Add(user.Id);
            }
        }

        if (managers.Count > 0)
        {
            var managed = context.Set<Brand>().Where(b => b.AccountManagerUserId != null && managers.Contains(b.AccountManagerUserId.Value)).Select(b => b.Id);
            brands.UnionWith(async ? await managed.ToListAsync(cancellationToken) : managed.ToList());
        }

        if (brands.Count == 0 && !categoriesChanged && !everyBrand)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var brandId in brands)
        {
            context.Add(new PendingPortfolioRefresh { BrandId = brandId, QueuedAt = now });
        }

        var save = StateOf(context);
        save.Queued |= brands.Count > 0 || everyBrand;
        if (categoriesChanged)
        {
            await ExecuteInSaveAsync(context, save, async, PortfolioRefreshQueue.RaiseVersionSql, [], cancellationToken);
        }

        if (everyBrand)
        {
            // One statement, not an entity per brand: the queue rows of every brand, in the save's transaction.
            await ExecuteInSaveAsync(context, save, async, PortfolioRefreshQueue.QueueEveryBrandSql, [StoredValues.For(context.Database).Instant(now)], cancellationToken);
        }
    }

    /// <summary>Runs SQL inside the save's transaction, opening one the save then owns when the caller has none.</summary>
    private static async Task ExecuteInSaveAsync(DbContext context, SaveState save, bool async, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        if (context.Database.CurrentTransaction is null)
        {
            save.Owned = async ? await context.Database.BeginTransactionAsync(cancellationToken) : context.Database.BeginTransaction();
        }

#pragma warning disable EF1002 // The SQL is a constant of PortfolioRefreshQueue; values travel as parameters.
        _ = async
            ? await context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken)
            : context.Database.ExecuteSqlRaw(sql, parameters);
#pragma warning restore EF1002
    }

    private static Guid? BrandOf(object entity) => entity switch
    {
        Brand brand => brand.Id,
        BrandCategory category => category.BrandId,
        Document document => document.BrandId,
        BrandTask task => task.BrandId,
        MilestoneAchievement achievement => achievement.BrandId,
        DailyMetric metric => metric.BrandId,
        TierChange change => change.BrandId,
        ApplicationEvent applicationEvent => applicationEvent.BrandId,
        Comments.BrandComment comment => comment.BrandId,
        Streams.StreamPlan plan => plan.BrandId,
        _ => null,
    };

    private static bool NameChanged(EntityEntry entry) =>
        entry.Property(nameof(PortalUser.DisplayName)).IsModified || entry.Property(nameof(PortalUser.Email)).IsModified;

    private SaveState StateOf(DbContext context)
    {
        var save = _saves.GetOrCreateValue(context);
        if (save.Lease != context.ContextId.Lease)
        {
            (save.Lease, save.Queued, save.Owned) = (context.ContextId.Lease, false, null);
        }

        return save;
    }

    private bool TryGetState(DbContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SaveState? save) =>
        _saves.TryGetValue(context, out save) && save.Lease == context.ContextId.Lease;

    private void Finish(DbContext context, SaveState save)
    {
        save.Owned?.Dispose();
        save.Owned = null;
        if (save.Queued && context.Database.CurrentTransaction is null)
        {
            save.Queued = false;
            Dispatch();
        }
    }

    private void DispatchAfterCommit(DbContext? context)
    {
        if (context is not null && TryGetState(context, out var save) && save.Queued)
        {
            save.Queued = false;
            Dispatch();
        }
    }

    // The change is committed: a failed dispatch must not fail the caller. Its queue rows stay; the reconcile job finds them.
    private void Dispatch()
    {
        try
        {
            dispatcher.RefreshPortfolio();
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not dispatch the portfolio refresh; the reconcile job will find the queued brands");
        }
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null && TryGetState(context, out var save))
        {
            // Disposing an uncommitted transaction rolls it back; the queue rows the save added were never written.
            // Inside a caller's transaction an earlier save's rows may still commit: keep its dispatch for that commit.
            var own = save.Owned is not null || context.Database.CurrentTransaction is null;
            save.Owned?.Dispose();
            save.Owned = null;
            if (own)
            {
                save.Queued = false;
            }
        }
    }
}
