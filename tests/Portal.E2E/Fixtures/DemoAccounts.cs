namespace Portal.E2E.Fixtures;

/// <summary>
/// The demo data Development seeds and POST /testing/reset restores (Portal.Core's DemoData and
/// appsettings' Seed:DemoPassword). Repeated here on purpose: the suite sees the portal from outside.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Portal!2026";
    public const string BrandManager = "brand@demo.test";
    public const string SkaOperator = "ska@demo.test";
    public const string Admin = "admin@demo.test";

    /// <summary>Manager of the demo provider 远帆代运营 / Farsail Operations, which serves Cloud Tea (stream plans, STEPS tasks, metrics import).</summary>
    public const string ProviderManager = "provider@demo.test";

    /// <summary>Manager of the small demo provider 小满电商 / Xiaoman Commerce, which serves no demo brand until one authorises it.</summary>
    public const string SmallProviderManager = "provider2@demo.test";
    public const string SmallProviderManagerName = "小满 Liu Man";

    public const string BrandCode = "demo-tea";
    public const string BrandNameEn = "Cloud Tea";
    public const string BrandNameZh = "云茶";

    /// <summary>Brand Silver Moon (<c>silver-moon</c>), submitted, also owned by <see cref="BrandManager"/>.</summary>
    public const string SecondBrandCode = "silver-moon";

    /// <summary>The demo API client the metrics feed signs in with (client credentials).</summary>
    public const string FeedClientId = "demo-feed";
    public const string FeedClientSecret = "demo-feed-secret";
}
