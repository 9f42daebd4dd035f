using Microsoft.AspNetCore.Components;
using Portal.Core.Features.Providers;

namespace Portal.Web.Components.Pages.Brand;

/// <summary>
/// The brand's sections, each its own page under /brands/{code}. <see cref="BrandScope"/> shows them as tabs (a
/// provider's people see only their delegated areas) and the side navigation lists them; not a component, so that
/// the tabs cost an open circuit no render trees of their own.
/// </summary>
public static class BrandTabs
{
    /// <summary>Path under /brands/{code} and resource key of each section, in the order a brand works through them.</summary>
    public static readonly (string Path, string Key)[] Sections =
    [
        ("", "Overview"),
        ("/dashboard", "Dashboard"),
        ("/application", "Application"),
        ("/documents", "Documents"),
        ("/journey", "Journey"),
        ("/streams", "Streams"),
        ("/trust-card", "TrustCard"),
        ("/members", "Members"),
        ("/messages", "Messages"),
        ("/providers", "Providers"),
    ];

    /// <summary>The area a section belongs to (the one its page's <see cref="BrandScope.Area"/> names); None: members and staff only.</summary>
    public static DelegatedArea AreaOf(string key) => key switch
    {
        "Dashboard" => DelegatedArea.MetricsImport,
        "Documents" => DelegatedArea.Documents,
        "Journey" => DelegatedArea.StepsTasks,
        "Streams" => DelegatedArea.StreamPlans,
        "Messages" => DelegatedArea.Messages,
        _ => DelegatedArea.None,
    };

    /// <summary>The sections shown to the reader: all of them, or for a provider's person only the delegated ones.</summary>
    public static IEnumerable<(string Path, string Key)> For(ProviderActing? provider) =>
        Sections.Where(s => provider is null || provider.Allows(AreaOf(s.Key)));

    /// <summary>Whether the section at <paramref name="path"/> of brand <paramref name="code"/> is the page shown.</summary>
    public static bool IsCurrent(NavigationManager navigation, string code, string path)
    {
        var relative = "/" + navigation.ToBaseRelativePath(navigation.Uri).Split('?', '#')[0];
        var section = $"/brands/{code}{path}";
        return path.Length == 0 ? relative == section : relative.StartsWith(section, StringComparison.OrdinalIgnoreCase);
    }
}
