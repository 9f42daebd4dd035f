namespace Portal.Core.Features.Documents;

public enum RequirementState
{
    Missing,
    Checking,
    AwaitingReview,
    ChangesRequested,
    Rejected,
    Approved,
    Expired,
}

public enum ComplianceStatus
{
    /// <summary>Every requirement that blocks selling is met by an approved, current document.</summary>
    Compliant,

    /// <summary>Something required has not been approved yet.</summary>
    Incomplete,

    /// <summary>A required document expired without an approved replacement: its categories may not sell.</summary>
    Blocked,
}

/// <summary>What the evaluation needs to know about a brand.</summary>
public sealed record BrandFacts(IReadOnlyCollection<string> CategoryCodes, bool ApplicantOwnsTrademark)
{
    /// <summary>The applicant owns the trademark when no owner is named or the owner is the applicant company.</summary>
    public static bool OwnsTrademark(string? trademarkOwner, string? companyName) =>
        string.IsNullOrWhiteSpace(trademarkOwner)
        || string.Equals(trademarkOwner.Trim(), companyName?.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>One requirement of a brand and where it stands.</summary>
/// <param name="Latest">The newest version uploaded for it.</param>
/// <param name="Effective">The approved, current version that meets it, if any.</param>
/// <param name="Lapsed">The approved version that expired, when nothing approved replaced it.</param>
public sealed record RequirementStatus(RequirementRule Rule, RequirementState State, Document? Latest, Document? Effective, Document? Lapsed, IReadOnlyList<Document> Versions);

/// <summary>A category the brand may not sell in, and the expired document that caused it.</summary>
public sealed record BlockedCategory(string CategoryCode, RequirementRule Rule, Document Document);

public sealed record ComplianceReport(ComplianceStatus Status, IReadOnlyList<RequirementStatus> Requirements, IReadOnlyList<BlockedCategory> Blocked);

/// <summary>
/// Computes what a brand must provide from its categories and the rules, and where each requirement
/// stands, from its documents. Nothing of this is stored, so a rule change applies to every brand at once.
/// </summary>
public static class RequirementEvaluator
{
    /// <summary>The active rules that apply to the brand, in order.</summary>
    public static IReadOnlyList<RequirementRule> Applicable(BrandFacts brand, IEnumerable<RequirementRule> rules) =>
        rules.Where(r => r.IsActive)
            .Where(r => r.CategoryCode is null || brand.CategoryCodes.Contains(r.CategoryCode))
            .Where(r => r.Condition switch
            {
                RuleCondition.ApplicantIsOwner => brand.ApplicantOwnsTrademark,
                RuleCondition.ApplicantIsNotOwner => !brand.ApplicantOwnsTrademark,
                _ => true,
            })
            .OrderBy(r => r.SortOrder)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

    public static ComplianceReport Evaluate(BrandFacts brand, IEnumerable<RequirementRule> rules, IEnumerable<Document> documents, DateOnly today)
    {
        var byRule = documents.GroupBy(d => d.RuleId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Version).ToList());
        var requirements = new List<RequirementStatus>();
        var blocked = new List<BlockedCategory>();
        foreach (var rule in Applicable(brand, rules))
        {
            var versions = byRule.GetValueOrDefault(rule.Id) ?? [];
            var latest = versions.FirstOrDefault();
            var effective = versions.FirstOrDefault(d => d.Status == DocumentStatus.Approved && !HasLapsed(d, today));
            var lapsed = effective is null ? versions.FirstOrDefault(d => d.Status == DocumentStatus.Expired || (d.Status == DocumentStatus.Approved && HasLapsed(d, today))) : null;
            var state = effective is not null ? RequirementState.Approved
                : lapsed is not null ? RequirementState.Expired
                : latest is null ? RequirementState.Missing
                : latest.Status switch
                {
                    DocumentStatus.Checking => RequirementState.Checking,
                    DocumentStatus.AwaitingReview => RequirementState.AwaitingReview,
                    DocumentStatus.ChangesRequested => RequirementState.ChangesRequested,
                    DocumentStatus.Rejected => RequirementState.Rejected,
                    _ => RequirementState.Expired,
                };
            requirements.Add(new RequirementStatus(rule, state, latest, effective, lapsed, versions));

            if (state == RequirementState.Expired && rule.BlocksSelling && lapsed is not null)
            {
                blocked.AddRange(CoveredBy(rule, lapsed, brand).Select(c => new BlockedCategory(c, rule, lapsed)));
            }
        }

        var status = blocked.Count > 0 || requirements.Any(r => r.State == RequirementState.Expired && r.Rule.BlocksSelling)
            ? ComplianceStatus.Blocked
            : requirements.Where(r => r.Rule.BlocksSelling).All(r => r.State == RequirementState.Approved) ? ComplianceStatus.Compliant : ComplianceStatus.Incomplete;
        return new ComplianceReport(status, requirements, blocked.DistinctBy(b => b.CategoryCode).ToList());
    }

    /// <summary>An approved document stops counting on its expiry day, even before the daily job marks it.</summary>
    public static bool HasLapsed(Document document, DateOnly today) => document.ExpiresOn is { } expires && expires <= today;

    /// <summary>The brand's categories a document covers: its rule's category, the ones it names, or (for brand-wide proof) all of them.</summary>
    public static IReadOnlyList<string> CoveredBy(RequirementRule rule, Document document, BrandFacts brand)
    {
        var named = document.CoveredCategories.Where(brand.CategoryCodes.Contains).ToList();
        if (rule.CategoryCode is { } category)
        {
            named.Add(category);
        }

        return named.Count > 0 ? named.Distinct().ToList() : brand.CategoryCodes.ToList();
    }
}
