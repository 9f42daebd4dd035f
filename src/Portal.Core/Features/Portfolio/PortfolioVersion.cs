namespace Portal.Core.Features.Portfolio;

/// <summary>
/// One row whose <see cref="Value"/> is raised in every transaction that can change how many brands a
/// portfolio filter matches or what a category is called: <see cref="PortfolioRefresher"/> rewriting rows,
/// a save that changes a category (<see cref="PortfolioRefreshQueueing"/>). <see cref="PortfolioQuery"/> keys
/// its cached counts and category names on it, so a cached total is never older than the rows, whichever
/// process wrote them.
/// </summary>
public sealed class PortfolioVersion
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
