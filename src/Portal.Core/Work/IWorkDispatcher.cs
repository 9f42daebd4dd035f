namespace Portal.Core.Work;

/// <summary>
/// Asks for pending work to be done soon. The work itself is already saved in the database, so a
/// dispatch that is lost (restart, crash) only delays it: <see cref="IPendingWorkSource"/>s find it again.
/// Portal.Jobs implements this with Hangfire; Core never sees the queue.
/// </summary>
public interface IWorkDispatcher
{
    /// <summary>An <see cref="Features.Email.OutgoingEmail"/> with this id is waiting to be sent.</summary>
    void SendEmail(Guid emailId);

    /// <summary>A <see cref="Features.Documents.Document"/> with this id is waiting for its automatic checks.</summary>
    void CheckDocument(Guid documentId);

    /// <summary>
    /// Brands are waiting in <see cref="Features.Metrics.PendingMetricsEvaluation"/> for their milestones
    /// and tier to be evaluated. Calls close together may share one job.
    /// </summary>
    void EvaluatePendingMetrics();

    /// <summary>
    /// Brands are waiting in <see cref="Features.Portfolio.PendingPortfolioRefresh"/> for their portfolio rows to be
    /// refreshed. Calls close together share one job.
    /// </summary>
    void RefreshPortfolio();
}

/// <summary>One kind of pending work that lives in the database, found again at start-up.</summary>
public interface IPendingWorkSource
{
    /// <summary>A short name for logs, e.g. "e-mail".</summary>
    string Name { get; }

    /// <summary>Dispatches every item still pending created before <paramref name="createdBefore"/>; returns how many.</summary>
    Task<int> RedispatchAsync(IWorkDispatcher dispatcher, DateTimeOffset createdBefore, CancellationToken cancellationToken);
}
