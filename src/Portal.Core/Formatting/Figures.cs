using System.Globalization;

namespace Portal.Core.Formatting;

/// <summary>
/// The one way figures are written for people: money, counts and percentages in the reader's language.
/// Chinese readers count in 万 (10⁴) and 亿 (10⁸), so <c>76,725,734</c> yuan reads <c>¥7,672.6万</c>;
/// English readers get <c>¥76.7M</c>. "Compact" forms suit cards, axes and sentences; "exact" forms suit
/// tables and inputs, where the last yuan matters. Every method takes the culture, defaulting to the
/// current culture (set per request from the reader's language), so a stored fact renders in whoever reads it.
/// </summary>
public static class Figures
{
    private const decimal Wan = 10_000m;
    private const decimal Yi = 100_000_000m;

    /// <summary>Compact money: <c>¥7,672.6万</c>, <c>¥1.2亿</c>, <c>¥9,999</c> (zh); <c>¥76.7M</c>, <c>¥850K</c> (en).</summary>
    public static string Money(decimal amount, CultureInfo? culture = null) =>
        (amount < 0 ? "-¥" : "¥") + Compact(Math.Abs(amount), culture);

    /// <summary>Exact money for tables and exports: <c>¥76,725,734</c>, <c>¥99.50</c>.</summary>
    public static string MoneyExact(decimal amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var format = decimal.Truncate(amount) == amount ? "N0" : "N2";
        return (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString(format, culture);
    }

    /// <summary>Compact count: <c>12.5万</c>, <c>3.4亿</c>, <c>9,999</c> (zh); <c>12.5K</c>, <c>3.4M</c> (en).</summary>
    public static string Count(long value, CultureInfo? culture = null) => Compact(value, culture);

    /// <summary>Exact count with grouping: <c>12,451,840</c>.</summary>
    public static string CountExact(long value, CultureInfo? culture = null) =>
        value.ToString("N0", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A ratio (0.123) as a percentage (<c>12.3%</c>), with up to <paramref name="decimals"/> decimals.</summary>
    public static string Percent(double ratio, int decimals = 1, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var pattern = decimals <= 0 ? "0" : "0." + new string('#', decimals);
        return (ratio * 100).ToString(pattern, culture) + "%";
    }

    /// <summary>A change between two values as a signed percentage (<c>+12.3%</c>, <c>−4%</c>); null when there is no base.</summary>
    public static string? Change(decimal current, decimal previous, CultureInfo? culture = null)
    {
        if (previous == 0)
        {
            return null;
        }

        var ratio = (double)((current - previous) / Math.Abs(previous));
        var text = Percent(Math.Abs(ratio), 1, culture);
        return ratio switch
        {
            > 0 => "+" + text,
            < 0 => "−" + text,
            _ => text,
        };
    }

    /// <summary>A figure without a currency sign in the reader's compact form, as used by chart axes.</summary>
    public static string Compact(decimal value, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var sign = value < 0 ? "-" : "";
        var size = Math.Abs(value);
        var (scaled, unit) = IsChinese(culture) ? Chinese(size) : Western(size);
        var pattern = unit.Length == 0 && decimal.Truncate(scaled) != scaled ? "#,##0.##" : "#,##0.#";
        return sign + scaled.ToString(pattern, culture) + unit;
    }

    public static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";

    private static (decimal Scaled, string Unit) Chinese(decimal size)
    {
        // The unit is chosen after rounding, so 99,999,999 reads 1亿 and not 10,000万.
        if (Round(size / Wan, 1) >= Wan)
        {
            return (Round(size / Yi, 1), "亿");
        }

        return size >= Wan ? (Round(size / Wan, 1), "万") : (Round(size, 2), "");
    }

    private static (decimal Scaled, string Unit) Western(decimal size)
    {
        // The largest unit the figure reaches, moved one up when rounding would print 1,000 of it.
        var index = Array.FindIndex(WesternUnits, u => size >= u.Divisor);
        if (index < 0)
        {
            return (Round(size, 2), "");
        }

        if (index > 0 && Round(size / WesternUnits[index].Divisor, 1) >= 1_000m)
        {
            index--;
        }

        var (divisor, unit) = WesternUnits[index];
        return (Round(size / divisor, 1), unit);
    }

    /// <summary>Half-way figures round up, as people do: ¥12,500 is 1.3万, not the banker's 1.2万.</summary>
    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static readonly (decimal Divisor, string Unit)[] WesternUnits =
        [(1_000_000_000m, "B"), (1_000_000m, "M"), (1_000m, "K")];
}
