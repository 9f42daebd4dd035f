using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Brands;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Portfolio;

/// <summary>Brands whose portfolio row is out of date, waiting for <see cref="PortfolioRefreshWorker"/>.</summary>
public sealed class PortfolioChanges
{
    private readonly Channel<Guid> _brands = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Mark(Guid brandId) => _brands.Writer.TryWrite(brandId);

    internal ChannelReader<Guid> Reader => _brands.Reader;
}

/// <summary>
/// Notes which brands a SaveChanges touched (brand, categories, documents, tasks, milestones, tiers,
/// application events, comments, stream plans) and marks them after the save committed, so their rows follow within a second.
/// </summary>
internal sealed class PortfolioChangeInterceptor(PortfolioChanges changes) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var brands = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            Guid? brandId = entry.Entity switch
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
            if (brandId is { } id)
            {
                brands.Add(id);
            }
        }
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var brands))
        {
            return;
        }

        foreach (var id in brands)
        {
            changes.Mark(id);
        }

        brands.Clear();
    }
}

/// <summary>
/// Keeps <see cref="BrandPortfolioRow"/>s fresh: rebuilds all at start and when the platform day changes
/// (the GMV windows move), refreshes brands marked by <see cref="PortfolioChangeInterceptor"/> within a
/// second, and every <see cref="PortfolioOptions.ScanSeconds"/> the brands whose figures arrived through
/// the feed's bulk insert (which bypasses EF). Every run is idempotent; a failed one is retried by the next.
/// </summary>
internal sealed class PortfolioRefreshWorker(
    PortfolioRefresher refresher,
    PortfolioChanges changes,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<PortfolioOptions> options,
    TimeProvider clock,
    ILogger<PortfolioRefreshWorker> logger) : BackgroundService
{
    /// <summary>How far back each scan looks again; refreshing a brand twice is harmless (idempotent).</summary>
    internal static readonly TimeSpan ScanOverlap = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var day = DateOnly.MinValue;
        var watermark = DateTimeOffset.MinValue;
        var lastScan = DateTimeOffset.MinValue;
        var scanEvery = TimeSpan.FromSeconds(options.Value.ScanSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (PlatformTime.DayOf(now) != day)
                {
                    DrainMarked();
                    await refresher.RefreshAllAsync(stoppingToken);
                    day = PlatformTime.DayOf(now);
                    watermark = lastScan = now;
                }
                else
                {
                    var brands = DrainMarked();
                    if (now - lastScan >= scanEvery || now < lastScan)
                    {
                        // Feed rows carry the time their batch started, not when it committed: a batch
                        // whose transaction spanned the last scan would be missed without the overlap.
                        brands.UnionWith(await FeedChangesSinceAsync(watermark - ScanOverlap, stoppingToken));
                        watermark = lastScan = now;
                    }

                    if (brands.Count > 0)
                    {
                        await refresher.RefreshAsync(brands, stoppingToken);
                    }
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(scanEvery);
                try
                {
                    await changes.Reader.WaitToReadAsync(wait.Token);
                    // Let a burst of saves (a review session, a seed) gather into one refresh.
                    await Task.Delay(TimeSpan.FromMilliseconds(300), stoppingToken);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Portfolio refresh failed; the next round retries");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private HashSet<Guid> DrainMarked()
    {
        var brands = new HashSet<Guid>();
        while (changes.Reader.TryRead(out var id))
        {
            brands.Add(id);
        }

        return brands;
    }

    private async Task<IEnumerable<Guid>> FeedChangesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Figures older than the windows change neither GMV column, so the Date index bounds the scan.
        var from = PlatformTime.DayOf(since).AddDays(-61);
        return await db.DailyMetrics.Where(m => m.Date >= from && m.UpdatedAt >= since).Select(m => m.BrandId).Distinct().ToListAsync(cancellationToken);
    }
}
