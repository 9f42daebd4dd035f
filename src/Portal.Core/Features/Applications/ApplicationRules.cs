using System.Text.RegularExpressions;
using Portal.Core.Features.Brands;

namespace Portal.Core.Features.Applications;

/// <summary>The application's rules that are not transitions: brand codes, completeness, the authorisation chain.</summary>
public static partial class ApplicationRules
{
    /// <summary>Owner → licensee → sub-licensee → applicant: three links at most.</summary>
    public const int MaxAuthorizationLevels = 3;

    /// <summary>The profile fields, as named in field-level reasons and completeness messages.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "NameZh", "NameEn", "CompanyName", "ContactName", "ContactPhone", "ContactEmail", "Categories",
        "StoreId", "TrademarkNumber", "TrademarkClass", "TrademarkOwner", "AuthorizationChain",
    ];

    /// <summary>Lower-case slug: letters, digits and single hyphens, 3 to 40 characters.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>What is still missing before the brand can be submitted, as field names from <see cref="Fields"/>.</summary>
    public static IReadOnlyList<string> MissingForSubmission(Brand brand)
    {
        var missing = new List<string>();
        void Need(bool present, string field)
        {
            if (!present)
            {
                missing.Add(field);
            }
        }

        Need(!string.IsNullOrWhiteSpace(brand.NameZh), "NameZh");
        Need(!string.IsNullOrWhiteSpace(brand.NameEn), "NameEn");
        Need(!string.IsNullOrWhiteSpace(brand.CompanyName), "CompanyName");
        Need(!string.IsNullOrWhiteSpace(brand.ContactName), "ContactName");
        Need(!string.IsNullOrWhiteSpace(brand.ContactPhone), "ContactPhone");
        Need(!string.IsNullOrWhiteSpace(brand.ContactEmail), "ContactEmail");
        Need(brand.Categories.Count > 0, "Categories");
        Need(!string.IsNullOrWhiteSpace(brand.StoreId), "StoreId");
        Need(!string.IsNullOrWhiteSpace(brand.TrademarkNumber), "TrademarkNumber");
        Need(brand.TrademarkClass is >= 1 and <= 45, "TrademarkClass");
        Need(!string.IsNullOrWhiteSpace(brand.TrademarkOwner), "TrademarkOwner");
        Need(ChainProblem(brand.TrademarkOwner, brand.CompanyName, brand.AuthorizationChain) is null, "AuthorizationChain");
        return missing;
    }

    /// <summary>
    /// Why the chain does not lead from the trademark owner to the applicant, or null when it does:
    /// empty when the applicant owns the trademark; otherwise it starts at the owner, each link starts
    /// where the previous ended, and it ends at the applicant.
    /// </summary>
    public static ChainProblemKind? ChainProblem(string? owner, string? applicant, IReadOnlyList<AuthorizationLink> chain)
    {
        if (chain.Count > MaxAuthorizationLevels)
        {
            return ChainProblemKind.TooLong;
        }

        if (string.IsNullOrWhiteSpace(owner) || string.IsNullOrWhiteSpace(applicant))
        {
            return chain.Count == 0 ? null : ChainProblemKind.Broken;
        }

        if (Same(owner, applicant))
        {
            return chain.Count == 0 ? null : ChainProblemKind.NotNeeded;
        }

        if (chain.Count == 0)
        {
            return ChainProblemKind.Missing;
        }

        if (!Same(chain[0].Grantor, owner) || !Same(chain[^1].Grantee, applicant))
        {
            return ChainProblemKind.Broken;
        }

        for (var i = 1; i < chain.Count; i++)
        {
            if (!Same(chain[i].Grantor, chain[i - 1].Grantee))
            {
                return ChainProblemKind.Broken;
            }
        }

        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?!-)){1,38}[a-z0-9]$")]
    private static partial Regex CodePattern();
}

public enum ChainProblemKind
{
    /// <summary>More than <see cref="ApplicationRules.MaxAuthorizationLevels"/> links.</summary>
    TooLong,

    /// <summary>The applicant is not the owner, and no chain is given.</summary>
    Missing,

    /// <summary>The links do not connect owner → ... → applicant.</summary>
    Broken,

    /// <summary>The applicant owns the trademark, yet a chain is given.</summary>
    NotNeeded,
}
