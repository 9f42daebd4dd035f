using System.Data.Common;
using Portal.Core.Data;

namespace Portal.Core.Features.Metrics.Evaluation;

/// <summary>
/// One evaluation's open context and connection, shared by its phases: the connection stays open for
/// the run, so the temporary scope table lives as long as it. <paramref name="Scoped"/>: only the brands in
/// the scope (the queue or the ones asked for); otherwise every brand (the nightly recompute).
/// </summary>
internal sealed record EvaluationRun(PortalDbContext Db, DbConnection Connection, bool Scoped)
{
    /// <summary>How the run's engine stores the values its statements bind.</summary>
    public StoredValues Values { get; } = StoredValues.For(Connection);

    /// <summary>Whether the run takes <see cref="MetricsEvaluationPostgresSql"/>'s statements instead of <see cref="MetricsEvaluationSql"/>'s.</summary>
    public bool OnPostgres => Values.IsPostgres;
}
