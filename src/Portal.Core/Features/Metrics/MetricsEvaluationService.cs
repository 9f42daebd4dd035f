using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Data;
using Portal.Core.Features.Journey;
using Portal.Core.Features.Metrics.Evaluation;
using Portal.Core.Features.Tiers;
using Portal.Core.Localization;

namespace Portal.Core.Features.Metrics;

/// <summary>What one evaluation did.</summary>
public sealed record MetricsEvaluationSummary(int Brands, int Milestones, int TasksCompleted, int TierChanges)
{
    /// <summary>How long each phase took (milliseconds), for logs and the benchmark.</summary>
    public IReadOnlyDictionary<string, double> PhaseMilliseconds { get; init; } = new Dictionary<string, double>();

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Brands = {Brands}, Milestones = {Milestones}, TasksCompleted = {TasksCompleted}, TierChanges = {TierChanges}");
        return true;
    }
}

/// <summary>
/// Evaluates milestones and growth tiers from the daily figures, for the brands batches touched
/// (<see cref="EvaluatePendingAsync"/>) or for all (<see cref="EvaluateAllAsync"/>, the nightly
/// recompute). Set-based throughout, one phase after another on one connection (folder <c>Evaluation</c>,
/// its SQLite statements in <c>MetricsEvaluationSql</c>):
/// <list type="number">
/// <item><c>EvaluationScope</c>: the brands in scope and the first day a batch touched, in a temporary table;</item>
/// <item><c>MonthlySummaries</c>: their <see cref="MetricMonth"/> summaries rebuilt from that month on;</item>
/// <item><c>MilestoneRecorder</c>: for every milestone definition, one statement over the summaries finds the brands that
/// may have reached it (and have not yet), and only for those the daily rows are read to find the exact day;
/// the achievements are inserted in one transaction;</item>
/// <item><c>MilestoneTasks</c>: their tasks completed in one statement through <c>JourneyService.CompleteFromMilestonesAsync</c> on the run's connection;</item>
/// <item><c>TierRecorder</c>: tiers replayed from the monthly GMV in memory (<see cref="TierEvaluator"/>) and the new moves written in one transaction;</item>
/// <item>the queue rows the run saw are cleared.</item>
/// </list>
/// A run over a few brands (the incremental one) does all that in one transaction, committed once (one log sync,
/// not one per phase). A larger one commits phase by phase, so ingestion never waits long for the write lock.
/// Idempotent: a milestone is recorded once (unique per brand), completed tasks stay done, and tier
/// moves already recorded are not recorded again.
/// </summary>
public sealed class MetricsEvaluationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    JourneyService journey,
    IOptionsMonitor<TierOptions> tierOptions,
    IStringLocalizer<MetricsStrings> strings,
    TimeProvider clock,
    ILogger<MetricsEvaluationService> logger)
{
    private readonly MilestoneRecorder _milestones = new(clock, logger);
    private readonly MilestoneTasks _tasks = new(journey, clock);

    // One evaluation at a time in a process (and, through EvaluationLock, on the database): the incremental job and the nightly one never race.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Evaluates the brands queued by accepted batches and clears the rows it saw.</summary>
    public Task<MetricsEvaluationSummary> EvaluatePendingAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, all: false, cancellationToken);

    /// <summary>Evaluates the given brands, summarising all their figures again.</summary>
    public Task<MetricsEvaluationSummary> EvaluateAsync(IReadOnlyCollection<Guid> brandIds, CancellationToken cancellationToken = default) =>
        RunAsync(brandIds, all: false, cancellationToken);

    /// <summary>Recomputes every brand (the nightly job); brands still queued are summarised first.</summary>
    public Task<MetricsEvaluationSummary> EvaluateAllAsync(CancellationToken cancellationToken = default) =>
        RunAsync(null, all: true, cancellationToken);

    private async Task<MetricsEvaluationSummary> RunAsync(IReadOnlyCollection<Guid>? brandIds, bool all, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var run = new EvaluationRun(db, db.Database.GetDbConnection(), Scoped: !all);
            // Across processes (several workers, a web node seeding): one evaluation at a time on the database too.
            await using var exclusive = await EvaluationLock.TakeAsync(run, cancellationToken);
            var phases = new PhaseTimes();
            var pending = await EvaluationScope.ReadPendingAsync(db, brandIds, cancellationToken);
            if (brandIds is null && !all && pending.Count == 0)
            {
                return new MetricsEvaluationSummary(0, 0, 0, 0);
            }

            var scope = brandIds is not null
                ? brandIds.Distinct().ToDictionary(id => id, _ => DateOnly.MinValue)
                : pending.ToDictionary(p => p.BrandId, p => p.FromDate);
            if (all)
            {
                foreach (var brand in await EvaluationScope.UnsummarisedBrandsAsync(db, cancellationToken))
                {
                    scope[brand] = DateOnly.MinValue;
                }
            }

            phases.Lap("read pending");
            // A small run commits once at its end; a large one phase by phase (EvaluationRun.OneTransactionUpTo).
            await using var transaction = await run.BeginRunAsync(scope.Count, cancellationToken);
            await EvaluationScope.FillAsync(run, scope, cancellationToken);
            phases.Lap("scope");
            await MonthlySummaries.RefreshAsync(run, cancellationToken);
            phases.Lap("summaries");
            var milestones = await _milestones.RecordAsync(run, cancellationToken);
            phases.Lap("milestones");
            var tasks = await _tasks.CompleteAsync(run, cancellationToken);
            phases.Lap("tasks");
            var (brands, tiers) = await new TierRecorder(tierOptions.CurrentValue, Explain, clock).RecordAsync(run, cancellationToken);
            phases.Lap("tiers");
            await EvaluationScope.ClearPendingAsync(run, pending, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            phases.Lap("clear pending");
            logger.LogInformation(
                "Evaluated {Brands} brand(s): {Milestones} milestone(s), {Tasks} task(s), {Tiers} tier change(s); phases (ms) {Phases}",
                brands, milestones, tasks, tiers, phases.ToString());
            return new MetricsEvaluationSummary(brands, milestones, tasks, tiers) { PhaseMilliseconds = phases.Milliseconds };
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How long each phase took, for the log line and the benchmark.</summary>
    private sealed class PhaseTimes
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public Dictionary<string, double> Milliseconds { get; } = [];

        public void Lap(string phase)
        {
            Milliseconds[phase] = _watch.Elapsed.TotalMilliseconds;
            _watch.Restart();
        }

        public override string ToString() => string.Join(", ", Milliseconds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F1}")));
    }

    /// <summary>
    /// The sentence a tier move is also stored with, in English and Chinese: what notifications and rows read
    /// before the facts were kept show. Screens build it from the facts in the reader's language (<see cref="TierExplanations"/>).
    /// </summary>
    public string Explain(TierMove move, TierOptions options)
    {
        var facts = TierChangeFacts.Of(move, options);
        string In(string culture) => TierExplanations.Render(strings, culture, move.To, move.EffectiveFrom, facts, "");
        return $"{In(PortalCultures.English)} / {In(PortalCultures.Chinese)}";
    }
}
