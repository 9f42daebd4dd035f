namespace Portal.Core.Features.Portfolio;

/// <summary>
/// A brand whose <see cref="BrandPortfolioRow"/> is out of date: written in the same transaction as the change
/// that made it so (see <see cref="PortfolioRefreshQueue"/>), drained by the refresh job. Duplicates are
/// allowed and coalesced when drained, so a second writer never collides with the first.
/// </summary>
public sealed class PendingPortfolioRefresh
{
    /// <summary>Generated: the drain deletes exactly the rows it read, by id.</summary>
    public long Id { get; set; }

    public Guid BrandId { get; set; }

    public DateTimeOffset QueuedAt { get; set; }
}
