using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Core.Formatting;
using Portal.Core.Localization;
using Portal.Core.Options;

namespace Portal.Core.Features.Providers;

/// <summary>
/// Settings under <c>Providers:Levels</c>: the 造风者 path ("wind makers", DOMAIN.md). A provider is
/// <see cref="ProviderLevel.Rising"/> once the brands it served sold <see cref="RisingYearlyGmv"/> in a year (inside its
/// delegation periods), and <see cref="ProviderLevel.Leading"/> from <see cref="LeadingYearlyGmv"/>; the platform's plan
/// named ¥100 million and ¥1 billion.
/// </summary>
public sealed class ProviderLevelOptions
{
    public const string Section = "Providers:Levels";

    /// <summary>Yearly GMV of served brands, in yuan, from which a provider is <see cref="ProviderLevel.Rising"/>.</summary>
    public decimal RisingYearlyGmv { get; set; } = 100_000_000m;

    /// <summary>Yearly GMV of served brands, in yuan, from which a provider is <see cref="ProviderLevel.Leading"/>.</summary>
    public decimal LeadingYearlyGmv { get; set; } = 1_000_000_000m;

    /// <summary>The level a year's GMV reaches.</summary>
    public ProviderLevel LevelOf(decimal yearlyGmv) =>
        yearlyGmv >= LeadingYearlyGmv ? ProviderLevel.Leading
        : yearlyGmv >= RisingYearlyGmv ? ProviderLevel.Rising
        : ProviderLevel.Emerging;
}

internal sealed class ProviderLevelOptionsValidator : SettingsValidator<ProviderLevelOptions>
{
    protected override void Check(ProviderLevelOptions options, Action<string, string> fail)
    {
        if (options.RisingYearlyGmv <= 0)
        {
            fail("Providers:Levels:RisingYearlyGmv", "must be a positive amount in yuan.");
        }

        if (options.LeadingYearlyGmv <= options.RisingYearlyGmv)
        {
            fail("Providers:Levels:LeadingYearlyGmv", "must be greater than Providers:Levels:RisingYearlyGmv.");
        }
    }
}

/// <summary>A provider's place on the 造风者 path.</summary>
public enum ProviderLevel
{
    /// <summary>Below <see cref="ProviderLevelOptions.RisingYearlyGmv"/> (起步).</summary>
    Emerging,

    /// <summary>At or above <see cref="ProviderLevelOptions.RisingYearlyGmv"/> (亿元级 by default).</summary>
    Rising,

    /// <summary>At or above <see cref="ProviderLevelOptions.LeadingYearlyGmv"/> (十亿元级 by default).</summary>
    Leading,
}

/// <summary>
/// The sentence that explains a provider's level, in the reader's language, like a brand's tier sentence
/// (<see cref="Metrics.TierExplanations"/>): the year's GMV, the threshold passed and how far the next one is.
/// </summary>
public static class ProviderLevels
{
    public static string Explain(IStringLocalizer<ProviderWorkStrings> strings, ProviderLevelOptions options, decimal yearlyGmv, DateOnly from, DateOnly to)
    {
        var culture = CultureInfo.CurrentUICulture;
        var level = options.LevelOf(yearlyGmv);
        var name = strings[$"ProviderLevel_{level}"].Value;
        var gmv = Figures.Money(yearlyGmv, culture);
        var period = $"{PortalDates.Day(from)} – {PortalDates.Day(to)}";
        return level switch
        {
            ProviderLevel.Leading => strings["ProviderLevel_SentenceTop", name, gmv, period, Figures.Money(options.LeadingYearlyGmv, culture)],
            ProviderLevel.Rising => strings["ProviderLevel_Sentence", name, gmv, period, Figures.Money(options.RisingYearlyGmv, culture),
                Figures.Money(options.LeadingYearlyGmv - yearlyGmv, culture), strings["ProviderLevel_Leading"].Value, Figures.Money(options.LeadingYearlyGmv, culture)],
            _ => strings["ProviderLevel_SentenceFirst", name, gmv, period,
                Figures.Money(options.RisingYearlyGmv - yearlyGmv, culture), strings["ProviderLevel_Rising"].Value, Figures.Money(options.RisingYearlyGmv, culture)],
        };
    }
}
