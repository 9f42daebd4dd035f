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
}

internal sealed class SeedOptionsValidator : SettingsValidator<SeedOptions>
{
    protected override void Check(SeedOptions options, Action<string, string> fail)
    {
        if (options.DemoData == true && string.IsNullOrWhiteSpace(options.DemoPassword))
        {
            fail("Seed:DemoPassword", "must be set when Seed:DemoData is true.");
        }
    }
}
