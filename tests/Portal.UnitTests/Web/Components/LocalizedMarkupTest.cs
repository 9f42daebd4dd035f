using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Portal.UnitTests.Web.Components;

/// <summary>
/// A fast test of markup strings built from the portal's resx texts, without an app or a renderer: the real
/// localization, and the culture a test chooses (<see cref="Use"/>), put back afterwards.
/// </summary>
public abstract class LocalizedMarkupTest : IDisposable
{
    private readonly (CultureInfo Culture, CultureInfo UiCulture) _before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddLocalization(options => options.ResourcesPath = "Resources")
        .BuildServiceProvider();

    protected IStringLocalizer<T> Localizer<T>() => _services.GetRequiredService<IStringLocalizer<T>>();

    /// <summary>Sets the culture and UI culture for the rest of the test.</summary>
    protected static void Use(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _before.Culture;
        CultureInfo.CurrentUICulture = _before.UiCulture;
        _services.Dispose();
        GC.SuppressFinalize(this);
    }
}
