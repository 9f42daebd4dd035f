using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Core.Features.Tiers;
using Portal.Core.Formatting;
using Portal.Core.Localization;

namespace Portal.Core.Features.Metrics;

/// <summary>The facts behind a move the metrics made, stored with the <see cref="TierChange"/> instead of a finished sentence.</summary>
public sealed record TierChangeFacts(TierChangeReason Reason, DateOnly? ProofMonth, decimal? Gmv, decimal? Threshold, int? Months)
{
    /// <summary>The facts of a stored change; null for overrides and for rows recorded before the facts were kept.</summary>
    public static TierChangeFacts? Of(TierChange change) =>
        change.Reason is { } reason ? new(reason, change.ProofMonth, change.Gmv, change.Threshold, change.Months) : null;

    /// <summary>The facts of a move the evaluation found, with the threshold it fell below when it is a demotion.</summary>
    public static TierChangeFacts Of(TierMove move, TierOptions options) => new(
        move.Reason,
        move.Reason == TierChangeReason.FirstPaidOrder ? null : move.Month,
        move.Reason == TierChangeReason.FirstPaidOrder ? null : move.Gmv,
        move.Reason == TierChangeReason.Demotion ? (move.From == GrowthTier.Ska ? options.SkaMonthlyGmv : options.KaMonthlyGmv) : null,
        move.Reason == TierChangeReason.Demotion ? options.DemotionMonths : null);
}

/// <summary>
/// Builds a tier change's sentence in the reader's language when it is shown ("SKA since 2026-08: GMV ¥12.3M in 2026-07",
/// "2026-08 起为 SKA：2026-07 GMV ¥1,234.6万"), money through <see cref="Figures"/>. A change without facts (a staff
/// override, or a row recorded before facts were kept) reads as its stored text.
/// </summary>
public static class TierExplanations
{
    /// <summary>The sentence in the current UI culture.</summary>
    public static string Render(IStringLocalizer<MetricsStrings> strings, GrowthTier to, DateOnly effectiveFrom, TierChangeFacts? facts, string stored)
    {
        if (facts is null)
        {
            return stored;
        }

        var culture = CultureInfo.CurrentUICulture;
        var tier = strings[$"Metrics_Tier_{to}"].Value;
        var month = facts.ProofMonth is { } proof ? PortalDates.Month(proof) : "";
        var since = PortalDates.Month(effectiveFrom);
        return facts.Reason switch
        {
            TierChangeReason.FirstPaidOrder => strings["Metrics_TierFirstPaidOrder", tier, PortalDates.Day(effectiveFrom)],
            TierChangeReason.Promotion => strings["Metrics_TierPromoted", tier, since, Figures.Money(facts.Gmv ?? 0, culture), month],
            _ => strings["Metrics_TierDemoted", tier, since, Figures.Money(facts.Threshold ?? 0, culture), facts.Months ?? 0, Figures.Money(facts.Gmv ?? 0, culture), month],
        };
    }

    /// <summary>The sentence in one language, whatever the current culture.</summary>
    public static string Render(IStringLocalizer<MetricsStrings> strings, string culture, GrowthTier to, DateOnly effectiveFrom, TierChangeFacts? facts, string stored)
    {
        using var _ = PortalCultures.Use(culture);
        return Render(strings, to, effectiveFrom, facts, stored);
    }
}
