using System.Globalization;
using Portal.Core.Formatting;

namespace Portal.Core.Features.Metrics;

/// <summary>A metric's figure written for people: money and counts through <see cref="Figures"/>, rates as percentages.</summary>
public static class MetricValues
{
    /// <summary>True for the metrics measured in yuan.</summary>
    public static bool IsMoney(MetricKind metric) =>
        metric is MetricKind.Gmv or MetricKind.DistributionGmv or MetricKind.AdSpend or MetricKind.AdGmv or MetricKind.SelfStreamGmv;

    /// <summary>
    /// <paramref name="value"/> as stored for <paramref name="metric"/> (yuan, a fraction for the repurchase rate, a ratio
    /// for ROI, a count otherwise) in the reader's compact form: <c>¥120万</c> / <c>¥1.2M</c>, <c>42%</c>, <c>3.5×</c>, <c>1.2万</c>.
    /// </summary>
    public static string Format(MetricKind metric, decimal value, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return metric switch
        {
            _ when IsMoney(metric) => Figures.Money(value, culture),
            MetricKind.RepurchaseRate => Figures.Percent((double)value, 1, culture),
            MetricKind.AdRoi => value.ToString("#,##0.##", culture) + "×",
            _ => Figures.Count((long)Math.Round(value), culture),
        };
    }
}
