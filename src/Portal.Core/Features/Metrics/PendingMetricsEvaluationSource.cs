using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Work;

namespace Portal.Core.Features.Metrics;

/// <summary>Brands still waiting for evaluation after a restart: one job takes them all.</summary>
internal sealed class PendingMetricsEvaluationSource(IDbContextFactory<PortalDbContext> dbFactory) : IPendingWorkSource
{
    public string Name => "metrics evaluation";

    public async Task<int> RedispatchAsync(IWorkDispatcher dispatcher, DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var count = await db.PendingMetricsEvaluations.CountAsync(p => p.RequestedAt < createdBefore, cancellationToken);
        if (count > 0)
        {
            dispatcher.EvaluatePendingMetrics();
        }

        return count;
    }
}
