using System.Globalization;

namespace Portal.UnitTests.Infrastructure;

/// <summary>Reads in <paramref name="culture"/> until disposed (UI culture and formatting), then restores what was there.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _format = CultureInfo.CurrentCulture;

    public CultureScope(string culture) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        CultureInfo.CurrentCulture = _format;
    }
}
