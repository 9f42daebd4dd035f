using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Web.Localization;

/// <summary>Blazor's reconnect and rejoin dialog is the portal's own, in the page's language.</summary>
public sealed class ReconnectModalTests
{
    [Theory]
    [InlineData("zh-CN", "与平台的连接已断开", "正在重新连接平台…", "重试")]
    [InlineData("en", "Connection to the portal lost", "Reconnecting to the portal…", "Try again")]
    public async Task Page_InEachLanguage_CarriesTheTranslatedReconnectDialog(string culture, string title, string rejoining, string retry)
    {
        await using var app = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" });

        var html = await app.CreateClient().GetStringAsync($"/Account/Login?culture={culture}");

        html.ShouldContain("<dialog id=\"components-reconnect-modal\"");
        html.ShouldContain(title);
        html.ShouldContain(rejoining);
        html.ShouldContain($">{retry}</button>");
        html.ShouldContain("js/reconnect");
    }
}
