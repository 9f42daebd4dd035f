using Portal.Core.Options;

namespace Portal.Core.Features.Portfolio;

/// <summary>Settings under <c>Portfolio</c>: how the staff portfolio's summary rows are kept fresh, and exports.</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Portfolio";

    /// <summary>
    /// How long the refresh job waits after the first change it was asked for, so a burst of saves (a review
    /// session, a feed batch) is refreshed by one run (<see cref="PortfolioRefreshQueue"/>).
    /// </summary>
    public int RefreshDelayMilliseconds { get; set; } = 500;

    /// <summary>How long a finished export file waits for its download before it is deleted.</summary>
    public int ExportKeepMinutes { get; set; } = 10;

    /// <summary>The largest page the grid or the data endpoint may ask for.</summary>
    public int MaxPageSize { get; set; } = 200;
}

internal sealed class PortfolioOptionsValidator : SettingsValidator<PortfolioOptions>
{
    protected override void Check(PortfolioOptions options, Action<string, string> fail)
    {
        if (options.RefreshDelayMilliseconds is < 0 or > 60_000)
        {
            fail("Portfolio:RefreshDelayMilliseconds", "must be between 0 and 60000.");
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
