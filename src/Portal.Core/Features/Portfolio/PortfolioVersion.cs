namespace Portal.Core.Features.Portfolio;

/// <summary>
/// One row whose <see cref="Value"/> the database raises, by triggers, on every change that can change
/// how many brands a portfolio filter matches: a <see cref="BrandPortfolioRow"/> inserted, updated or
/// deleted (which the brand's own columns reach through their triggers too), a brand's categories, a
/// category's code. <see cref="PortfolioQuery"/> keys its cached counts on it, so a cached total is
/// never older than the data, whichever process or SQL statement wrote it.
/// </summary>
public sealed class PortfolioVersion
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
