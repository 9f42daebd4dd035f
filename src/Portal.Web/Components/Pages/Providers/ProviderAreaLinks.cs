using Portal.Core.Features.Providers;

namespace Portal.Web.Components.Pages.Providers;

/// <summary>The page of a brand where each delegated area is worked on.</summary>
public static class ProviderAreaLinks
{
    /// <summary>The areas in the order a brand card lists them.</summary>
    public static IReadOnlyList<DelegatedArea> Ordered { get; } =
        [DelegatedArea.StreamPlans, DelegatedArea.StepsTasks, DelegatedArea.MetricsImport, DelegatedArea.Documents, DelegatedArea.Messages];

    /// <summary>The single areas set in <paramref name="areas"/>, in <see cref="Ordered"/> order.</summary>
    public static IEnumerable<DelegatedArea> Of(DelegatedArea areas) => Ordered.Where(a => (areas & a) == a);

    public static string Href(string brandCode, DelegatedArea area) => area switch
    {
        DelegatedArea.StreamPlans => $"/brands/{brandCode}/streams",
        DelegatedArea.StepsTasks => $"/brands/{brandCode}/journey",
        DelegatedArea.MetricsImport => $"/brands/{brandCode}/dashboard/import",
        DelegatedArea.Documents => $"/brands/{brandCode}/documents",
        DelegatedArea.Messages => $"/brands/{brandCode}/messages",
        _ => $"/brands/{brandCode}",
    };
}
