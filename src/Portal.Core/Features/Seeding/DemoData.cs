namespace Portal.Core.Features.Seeding;

/// <summary>The Development demo: who can sign in, and the feed client. README and docs/TESTING.md list the same.</summary>
public static class DemoData
{
    public const string BrandManagerEmail = "brand@demo.test";
    public const string OperatorEmail = "ska@demo.test";
    public const string AdminEmail = "admin@demo.test";
    public const string BrandCode = "demo-tea";
    public const string BrandNameZh = "云茶";
    public const string BrandNameEn = "Cloud Tea";
    /// <summary>
    /// Manager of <see cref="ProviderCode"/>, the mid-size agency that serves Cloud Tea (never Silver Moon). Farsail serves
    /// six brands (Cloud Tea and five portfolio brands) only when the demo portfolio is seeded
    /// (<c>Seed:DemoBrandCount</c> &gt; 0); otherwise Cloud Tea only.
    /// </summary>
    public const string ProviderManagerEmail = "provider@demo.test";
    public const string ProviderOperatorEmail = "provider-ops@demo.test";
    public const string ProviderCode = "farsail";
    public const string ProviderNameZh = "远帆代运营";
    public const string ProviderNameEn = "Farsail Operations";

    /// <summary>Manager of <see cref="SmallProviderCode"/>, a small agency serving two portfolio brands when the portfolio is seeded, else none.</summary>
    public const string SmallProviderManagerEmail = "provider2@demo.test";
    public const string SmallProviderCode = "xiaoman";
    public const string FeedClientId = "demo-feed";
    public const string FeedClientSecret = "demo-feed-secret";

    /// <summary>A feed limited to <see cref="BrandCode"/>: the brand-scoped client of the demo.</summary>
    public const string BrandFeedClientId = "demo-tea-feed";
    public const string BrandFeedClientSecret = "demo-tea-feed-secret";
}

/// <summary>The OAuth scopes machine clients may ask for.</summary>
public static class PortalScopes
{
    public const string MetricsWrite = "metrics.write";
    public const string MetricsRead = "metrics.read";

    public static readonly IReadOnlyList<string> All = [MetricsWrite, MetricsRead];
}
