using System.Globalization;

namespace Portal.Core.Localization;

/// <summary>
/// How people's and brands' names sort: Chinese by pinyin (云南 after 北京 and 杭州), Latin letters
/// alphabetically, case aside. ICU's zh-CN collation does both, so one order serves both languages.
/// For sorts that must happen in SQL (paging), <see cref="Collation"/> names the same order on both engines:
/// SQLite has no such collation of its own, so it is registered on every connection the portal opens
/// (SqlitePragmaInterceptor); PostgreSQL has it from a migration, as ICU's <c>zh-u-ks-level2</c>
/// (PostgresSchemaExtras.CreateNameOrderCollation).
/// Needs ICU (InvariantGlobalization off, libicu installed); under invariant mode names sort by code point.
/// </summary>
public static class NameOrder
{
    /// <summary>The collation's name on both engines: <c>ORDER BY "NameZh" COLLATE PORTAL_NAME</c>, in EF <c>EF.Functions.Collate(x, NameOrder.Collation)</c>.</summary>
    public const string Collation = "PORTAL_NAME";

    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo(PortalCultures.Chinese).CompareInfo;

    /// <summary>Compares two names in the portal's name order; null and empty first.</summary>
    public static int Compare(string? x, string? y) => Chinese.Compare(x, y, CompareOptions.IgnoreCase);

    /// <summary>The name order as a comparer, for sorts in memory.</summary>
    public static IComparer<string?> Comparer { get; } = Comparer<string?>.Create(Compare);
}
