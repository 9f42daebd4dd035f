using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Portal.Core.Localization;

/// <summary>
/// Texts with a count that read right for one and for many: English says "1 brand" but "0 brands" and
/// "2 brands"; Chinese has no plural. A counted text has two keys in its resource set: <c>Key</c> for any
/// count and <c>Key_One</c> for exactly one (in the .zh-CN.resx both carry the same text).
/// </summary>
public static class PluralText
{
    /// <summary>Appended to a key for the text used when the count is exactly one.</summary>
    public const string OneSuffix = "_One";

    /// <summary>
    /// The text of <paramref name="key"/> for <paramref name="count"/> (the number as shown, e.g. rounded),
    /// formatted with <paramref name="arguments"/>, or with the count alone when none are given: grouped in the
    /// reader's culture (12,345), as the pager beside such a text writes it.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, decimal count, params object[] arguments) =>
        localizer[count == 1 ? key + OneSuffix : key, arguments.Length == 0 ? [count.ToString("#,0.##", CultureInfo.CurrentCulture)] : arguments];
}
