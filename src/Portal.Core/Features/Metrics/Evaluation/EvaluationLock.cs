using Portal.Core.Data;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// One evaluation at a time on the database, whichever process runs it. Two runs over the same brands would both
/// rebuild their monthly summaries and record the same tier move twice. On SQLite one process owns the file and
/// the service's own gate is enough; on PostgreSQL several workers (and a web node seeding the demo) share the
/// database, so the run holds a session-level advisory lock on its connection until it ends.
/// </summary>
internal sealed class EvaluationLock : IAsyncDisposable
{
    /// <summary>The lock's key: "STEPSEVL" in ASCII (the audit chain's is "STEPSAUD").</summary>
    public const long PostgresLockKey = 0x535445505345564C;

    private readonly EvaluationRun? _run;

    private EvaluationLock(EvaluationRun? run) => _run = run;

    /// <summary>Waits for the lock on PostgreSQL; on SQLite answers at once.</summary>
    public static async Task<EvaluationLock> TakeAsync(EvaluationRun run, CancellationToken cancellationToken)
    {
        if (!run.Values.IsPostgres)
        {
            return new EvaluationLock(null);
        }

        await run.Connection.ExecuteAsync(null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
        return new EvaluationLock(run);
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.Connection.ExecuteAsync(null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
        }
    }
}
