using Portal.Core.Options;

namespace Portal.Core.Features.Portfolio;

/// <summary>Settings under <c>Portfolio</c>: how the staff portfolio's summary rows are kept fresh, and exports.</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Portfolio";

    /// <summary>Whether this process keeps <see cref="BrandPortfolioRow"/>s fresh in the background (rebuild at start and each new day, changed brands within seconds).</summary>
    public bool RefreshInBackground { get; set; } = true;

    /// <summary>How often the background refresh looks for figures written outside EF (the metrics feed's bulk insert).</summary>
    public int ScanSeconds { get; set; } = 30;

    /// <summary>How long a finished export file waits for its download before it is deleted.</summary>
    public int ExportKeepMinutes { get; set; } = 10;

    /// <summary>The largest page the grid or the data endpoint may ask for.</summary>
    public int MaxPageSize { get; set; } = 200;
}

internal sealed class PortfolioOptionsValidator : SettingsValidator<PortfolioOptions>
{
    protected override void Check(PortfolioOptions options, Action<string, string> fail)
    {
        if (options.ScanSeconds is < 1 or > 3600)
        {
            fail("Portfolio:ScanSeconds", "must be between 1 and 3600.");
        }

        if (options.ExportKeepMinutes is < 1 or > 1440)
        {
            fail("Portfolio:ExportKeepMinutes", "must be between 1 and 1440.");
        }

        if (options.MaxPageSize is < 10 or > 10_000)
        {
            fail("Portfolio:MaxPageSize", "must be between 10 and 10000.");
        }
    }
}
