using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Core.Data;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// One evaluation's open context and connection, shared by its phases: the connection stays open for
/// the run, so the temporary scope table lives as long as it. <paramref name="Scoped"/>: only the brands in
/// the scope (the queue or the ones asked for); otherwise every brand (the nightly recompute).
/// </summary>
internal sealed record EvaluationRun(PortalDbContext Db, DbConnection Connection, bool Scoped)
{
    /// <summary>
    /// The most brands a run evaluates in one transaction (<see cref="BeginRunAsync"/>); a larger run (a big import,
    /// the nightly recompute) commits phase by phase, so it never holds the write lock longer than a phase. On SQLite the
    /// run's transaction holds the write lock from its first read, so the bound is the measured incremental batch (100
    /// brands, tens of milliseconds) with room, not more: a 2,000-brand backfill would hold it for seconds.
    /// </summary>
    public const int OneTransactionUpTo = 200;

    /// <summary>How the run's engine stores the values its statements bind.</summary>
    public StoredValues Values { get; } = StoredValues.For(Connection);

    /// <summary>Whether the run takes <see cref="MetricsEvaluationPostgresSql"/>'s statements instead of <see cref="MetricsEvaluationSql"/>'s.</summary>
    public bool OnPostgres => Values.IsPostgres;

    /// <summary>Whether the run is small (<see cref="OneTransactionUpTo"/> brands at most) and runs in one transaction.</summary>
    public bool Small { get; private set; }

    /// <summary>The transaction open on the run's connection, if any: every raw command must name it (SQLite refuses one that does not).</summary>
    public DbTransaction? Current => Db.Database.CurrentTransaction?.GetDbTransaction();

    /// <summary>
    /// The whole run in one transaction, for a small scope: one commit instead of one per phase, and no phase waits
    /// for another writer in between. Null when the run commits phase by phase.
    /// </summary>
    public async Task<IDbContextTransaction?> BeginRunAsync(int brands, CancellationToken cancellationToken)
    {
        Small = Scoped && brands <= OneTransactionUpTo;
        return Small ? await Db.Database.BeginTransactionAsync(cancellationToken) : null;
    }

    /// <summary>A phase's writes in one transaction: its own, or the run's when one is open (then the run commits).</summary>
    public async Task<PhaseTransaction> BeginPhaseAsync(CancellationToken cancellationToken) =>
        Db.Database.CurrentTransaction is { } runs
            ? new PhaseTransaction(runs.GetDbTransaction(), null)
            : new PhaseTransaction(null, await Db.Database.BeginTransactionAsync(cancellationToken));

    /// <summary>A phase's transaction; commits and disposes only the one it began.</summary>
    internal sealed class PhaseTransaction(DbTransaction? joined, IDbContextTransaction? own) : IAsyncDisposable
    {
        public DbTransaction Transaction => joined ?? own!.GetDbTransaction();

        public Task CommitAsync(CancellationToken cancellationToken) => own?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

        public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
