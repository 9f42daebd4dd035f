using Portal.Core.Options;

namespace Portal.Core.Features.Seeding;

/// <summary>Settings under <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Whether to create the demo accounts, brand and API client. Unset means: only in Development.</summary>
    public bool? DemoData { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string DemoPassword { get; set; } = "Portal!2026";

    /// <summary>
    /// How many invented brands of the demo portfolio (<see cref="DemoPortfolio"/>) to seed with six
    /// months of daily figures, when demo data is on. 0 turns the portfolio off (test hosts do).
    /// </summary>
    public int DemoBrandCount { get; set; } = DemoPortfolio.MaxBrands;

    /// <summary>
    /// Whether the demo brand (Cloud Tea) gets about four months of daily figures, so its manager sees
    /// charts and KPI trends. Test hosts turn it off: their tests feed the demo brand figures of their own.
    /// </summary>
    public bool DemoBrandFigures { get; set; } = true;
}

internal sealed class SeedOptionsValidator : SettingsValidator<SeedOptions>
{
    protected override void Check(SeedOptions options, Action<string, string> fail)
    {
        if (options.DemoData == true && string.IsNullOrWhiteSpace(options.DemoPassword))
        {
            fail("Seed:DemoPassword", "must be set when Seed:DemoData is true.");
        }

        if (options.DemoBrandCount is < 0 or > DemoPortfolio.MaxBrands)
        {
            fail("Seed:DemoBrandCount", $"must be between 0 and {DemoPortfolio.MaxBrands} (got {options.DemoBrandCount}).");
        }
    }
}
