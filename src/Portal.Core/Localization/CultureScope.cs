using System.Globalization;

namespace Portal.Core.Localization;

/// <summary>The cultures the portal speaks, and a scope to render text in a given one (e-mails use the recipient's).</summary>
public static class PortalCultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";
    public const string Default = English;

    public static readonly IReadOnlyList<string> Supported = [English, Chinese];

    /// <summary>Maps any culture name to the nearest supported one (zh, zh-Hans, zh-CN → zh-CN; everything else → en).</summary>
    public static string Normalize(string? name) =>
        name is not null && name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>Sets the current UI culture until disposed.</summary>
    public static IDisposable Use(string? name)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = CultureInfo.GetCultureInfo(Normalize(name));
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return new Restore(previous);
    }

    private sealed class Restore((CultureInfo Culture, CultureInfo UiCulture) previous) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = previous.Culture;
            CultureInfo.CurrentUICulture = previous.UiCulture;
        }
    }
}
