using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Portal.Core.Features.Applications;
using Portal.Core.Features.Documents;
using Portal.Core.Features.Tiers;

namespace Portal.Core.Features.Portfolio;

/// <summary>The portfolio's saved views: each is a fixed filter staff pick from a chip.</summary>
public enum PortfolioView
{
    All,

    /// <summary>Brands whose account manager is the reader.</summary>
    Mine,

    /// <summary>Application submitted or under review, or documents awaiting review.</summary>
    ReadyForReview,

    /// <summary>An approved, current document expires within 30 days.</summary>
    ExpiringDocuments,

    /// <summary>Compliance Blocked.</summary>
    Blocked,

    /// <summary>Neither figures nor a new milestone for <c>Metrics:StalledAfterDays</c> days.</summary>
    Stalled,
}

public enum PortfolioSort
{
    Name,
    Code,
    Tier,
    Status,
    Compliance,
    Gmv,
    Trend,
    LastActivity,
    Created,
}

/// <summary>
/// What the portfolio shows: a view, filters, the sort and the page. It round-trips through the page's
/// query string (<see cref="ToQuery"/>, <see cref="FromQuery"/>), so a view is shareable and survives a reload,
/// and the export endpoint reads the same parameters.
/// </summary>
public sealed record PortfolioSpec
{
    public const int DefaultPageSize = 25;

    /// <summary>Days ahead that count as "expiring".</summary>
    public const int ExpiringWithinDays = 30;

    public PortfolioView View { get; init; }

    /// <summary>Part of the code or either name.</summary>
    public string? Search { get; init; }

    public GrowthTier? Tier { get; init; }

    public ApplicationStatus? Status { get; init; }

    public ComplianceStatus? Compliance { get; init; }

    /// <summary>A category code.</summary>
    public string? Category { get; init; }

    public bool? Stalled { get; init; }

    public PortfolioSort Sort { get; init; } = PortfolioSort.Name;

    public bool Descending { get; init; }

    /// <summary>Zero-based.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>The spec as query-string parameters; defaults are left out so links stay short.</summary>
    public Dictionary<string, string?> ToQuery(bool includePaging = true)
    {
        var query = new Dictionary<string, string?>();
        if (View != PortfolioView.All)
        {
            query["view"] = Slug(View.ToString());
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            query["q"] = Search.Trim();
        }

        if (Tier is { } tier)
        {
            query["tier"] = tier.ToString();
        }

        if (Status is { } status)
        {
            query["status"] = status.ToString();
        }

        if (Compliance is { } compliance)
        {
            query["compliance"] = compliance.ToString();
        }

        if (!string.IsNullOrWhiteSpace(Category))
        {
            query["category"] = Category;
        }

        if (Stalled is { } stalled)
        {
            query["stalled"] = stalled ? "true" : "false";
        }

        if (Sort != PortfolioSort.Name || Descending)
        {
            query["sort"] = Sort.ToString() + (Descending ? ".desc" : "");
        }

        if (includePaging && Page > 0)
        {
            query["page"] = (Page + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (includePaging && PageSize != DefaultPageSize)
        {
            query["size"] = PageSize.ToString(CultureInfo.InvariantCulture);
        }

        return query;
    }

    /// <summary><paramref name="path"/> with the spec's query string.</summary>
    public string ToUrl(string path, bool includePaging = true) => QueryHelpers.AddQueryString(path, ToQuery(includePaging));

    /// <summary>Reads a spec from a query string; unknown or malformed values fall back to the defaults.</summary>
    public static PortfolioSpec FromQuery(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        static T? EnumOf<T>(string? text) where T : struct, Enum =>
            text is not null && Enum.TryParse<T>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;

        var sortText = Get("sort") ?? "";
        var descending = sortText.EndsWith(".desc", StringComparison.OrdinalIgnoreCase);
        var sort = EnumOf<PortfolioSort>(descending ? sortText[..^5] : sortText) ?? PortfolioSort.Name;
        return new PortfolioSpec
        {
            View = EnumOf<PortfolioView>(Get("view")) ?? PortfolioView.All,
            Search = Get("q"),
            Tier = EnumOf<GrowthTier>(Get("tier")),
            Status = EnumOf<ApplicationStatus>(Get("status")),
            Compliance = EnumOf<ComplianceStatus>(Get("compliance")),
            Category = Get("category"),
            Stalled = bool.TryParse(Get("stalled"), out var stalled) ? stalled : null,
            Sort = sort,
            Descending = descending,
            Page = int.TryParse(Get("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page - 1 : 0,
            PageSize = int.TryParse(Get("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : DefaultPageSize,
        };
    }

    /// <summary>"ReadyForReview" → "ready-for-review".</summary>
    public static string Slug(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
