using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Portfolio;

/// <summary>One brand as a portfolio row shows it; names and categories already in the reader's language.</summary>
public sealed record PortfolioRowView(
    Guid BrandId,
    string Code,
    string Name,
    IReadOnlyList<string> Categories,
    GrowthTier Tier,
    ApplicationStatus Status,
    ComplianceStatus Compliance,
    IReadOnlyList<int> Progress,
    decimal Gmv30,
    decimal GmvPrev30,
    int? TrendPercent,
    Guid? AccountManagerId,
    string? AccountManager,
    bool Stalled,
    DateTimeOffset? LastActivityAt,
    int DocumentsAwaitingReview,
    DateOnly? NextExpiryOn);

/// <summary>A page of the portfolio and how many brands match in all.</summary>
public sealed record PortfolioPage(IReadOnlyList<PortfolioRowView> Rows, int Total);

/// <summary>
/// Turns maintained <see cref="BrandPortfolioRow"/>s into what a reader sees, at the instant the query was filtered at:
/// the stored compliance and stalled flags were evaluated on the refresh day, so both are re-derived here from the
/// maintained dates (as the filter does in SQL), and names and categories are picked in the reader's language.
/// </summary>
internal static class PortfolioRowViews
{
    public static List<PortfolioRowView> From(List<BrandPortfolioRow> page, IReadOnlyDictionary<Guid, PortfolioCategoryName> categories, PortfolioQueryContext context)
    {
        return page.Select(r =>
        {
            var compliance = r.Compliance == ComplianceStatus.Blocked || r.BlockedFrom <= context.Today ? ComplianceStatus.Blocked : r.Compliance;
            var stalled = r.IsStalled(context.StalledDay, context.StalledInstant);
            return new PortfolioRowView(
                r.BrandId,
                r.Code,
                context.Chinese ? (string.IsNullOrWhiteSpace(r.NameZh) ? r.NameEn : r.NameZh) : (string.IsNullOrWhiteSpace(r.NameEn) ? r.NameZh : r.NameEn),
                PortfolioCategoryNames.Of(r, categories).OrderBy(c => c.SortOrder).Select(c => context.Chinese ? c.NameZh : c.NameEn).ToList(),
                r.Tier,
                r.Status,
                compliance,
                [r.ProgressDistribution, r.ProgressTraffic, r.ProgressSelfStreaming, r.ProgressPrivateDomain, r.ProgressExclusive],
                r.Gmv30,
                r.GmvPrev30,
                r.TrendPercent,
                r.AccountManagerUserId,
                r.AccountManagerName,
                stalled,
                r.LastActivityAt,
                r.DocumentsAwaitingReview,
                r.NextExpiryOn);
        }).ToList();
    }
}
