using System.Globalization;
using System.Resources;
using Portal.Core;
using Portal.Core.Features.Streams;
using Portal.Core.Features.TrustCard;
using Portal.Web;

namespace Portal.UnitTests.Web.Components.Streams;

/// <summary>Keys built from enum values (S[$"Status_{status}"]) escape the literal-key check; this covers them.</summary>
public sealed class StreamStringsTests
{
    private static readonly ResourceManager Ui = new("Portal.Web.Resources.StreamStrings", typeof(StreamStrings).Assembly);
    private static readonly ResourceManager Core = new("Portal.Core.Resources.StreamCoreStrings", typeof(StreamCoreStrings).Assembly);

    public static TheoryData<string> UiKeys() => new(
        Enum.GetValues<StreamStatus>().Select(v => $"Status_{v}")
            .Concat(Enum.GetValues<StreamAction>().SelectMany(v => new[] { $"Action_{v}", $"Action_{v}_Done" }))
            .Concat(Enum.GetValues<StageSection>().SelectMany(v => new[] { $"Stage_{v}", $"Stage_{v}_Rule" }))
            .Concat(Enum.GetValues<ProductRole>().Select(v => $"ProductRole_{v}"))
            .Concat(Enum.GetValues<GiftKind>().Select(v => $"GiftKind_{v}"))
            .Concat(Enum.GetValues<TrafficTools>().Where(v => v != TrafficTools.None).Select(v => $"Tool_{v}"))
            .Concat(TrustEntitlementList.All.Select(v => $"Entitlement_{v}")));

    public static TheoryData<string> CoreKeys() => new(
        Enum.GetValues<StreamStatus>().Select(v => $"Status_{v}")
            .Concat(Enum.GetValues<StreamAction>().Select(v => $"Action_{v}"))
            .Concat(Enum.GetValues<StageSection>().Select(v => $"Stage_{v}")));

    [Theory]
    [MemberData(nameof(UiKeys))]
    public void EnumKey_HasAScreenTextInBothLanguages(string key)
    {
        Ui.GetString(key, CultureInfo.GetCultureInfo("en")).ShouldNotBeNullOrWhiteSpace(key);
        Ui.GetString(key, CultureInfo.GetCultureInfo("zh-CN")).ShouldNotBe(Ui.GetString(key, CultureInfo.GetCultureInfo("en")), key);
    }

    [Theory]
    [MemberData(nameof(CoreKeys))]
    public void EnumKey_HasACoreTextInBothLanguages(string key)
    {
        Core.GetString(key, CultureInfo.GetCultureInfo("en")).ShouldNotBeNullOrWhiteSpace(key);
        Core.GetString(key, CultureInfo.GetCultureInfo("zh-CN")).ShouldNotBe(Core.GetString(key, CultureInfo.GetCultureInfo("en")), key);
    }
}
